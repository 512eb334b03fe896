package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Records the probe's emit program submits to its ring buffer. */
class RingBufferReaderTest {

    /** The probe's {@code struct event}: tag, seq, marker. */
    record Event(int tag, int seq, long marker) {
        static Event of(ByteBuffer record) {
            return new Event(record.getInt(0), record.getInt(4), record.getLong(8));
        }
    }

    private BpfObject object;
    private final List<Event> events = new ArrayList<>();

    @BeforeEach
    void load() {
        object = BpfObject.open(HostBpf.object(HostBpf.PROBE));
        object.globals(".rodata").writeInt("event_tag", 42);
        object.load();
    }

    @AfterEach
    void close() {
        if (object != null) {
            object.close();
        }
    }

    @Test
    void aRecordTheProgramSubmitsReachesTheHandler() {
        try (RingBufferReader reader = RingBufferReader.open(object.map("events"), r -> events.add(Event.of(r)))) {
            object.program("emit").run();
            object.program("emit").run();

            assertThat(reader.poll(Duration.ofSeconds(1))).isEqualTo(2);
        }
        assertThat(events).containsExactly(new Event(42, 1, 0x5c4edc9L), new Event(42, 2, 0x5c4edc9L));
    }

    @Test
    void theHandlerSeesExactlyTheRecordsBytes() {
        List<Integer> sizes = new ArrayList<>();
        try (RingBufferReader reader = RingBufferReader.open(object.map("events"), r -> sizes.add(r.remaining()))) {
            object.program("emit").run();

            reader.consume();
        }
        assertThat(sizes).containsExactly(16);
    }

    @Test
    void aPollWithNothingToReadReturnsNoneAfterTheTimeout() {
        try (RingBufferReader reader = RingBufferReader.open(object.map("events"), r -> events.add(Event.of(r)))) {
            long start = System.nanoTime();

            assertThat(reader.poll(Duration.ofMillis(50))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        }
    }

    @Test
    void anExceptionFromTheHandlerStopsThePollAndIsThrownFromIt() {
        try (RingBufferReader reader = RingBufferReader.open(object.map("events"), r -> {
            events.add(Event.of(r));
            throw new IllegalStateException("handler failed");
        })) {
            object.program("emit").run();
            object.program("emit").run();

            assertThatThrownBy(() -> reader.poll(Duration.ofSeconds(1))).hasMessage("handler failed");
            assertThat(events).hasSize(1);
        }
    }

    @Test
    void onlyARingBufferMapCanBeRead() {
        assertThatThrownBy(() -> RingBufferReader.open(object.map("counts"), r -> {}))
                .hasMessage("Map 'counts' is a hash map; a ring buffer reader needs a ringbuf map.");
    }

    @Test
    void closingTwiceIsHarmlessAndTheObjectClosesAReaderLeftOpen() {
        RingBufferReader reader = RingBufferReader.open(object.map("events"), r -> {});
        reader.close();
        reader.close();
        assertThatThrownBy(() -> reader.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class);

        RingBufferReader leftOpen = RingBufferReader.open(object.map("events"), r -> {});
        object.close();
        assertThatThrownBy(leftOpen::consume).isInstanceOf(IllegalStateException.class);
    }
}
