package io.schedcp.userspace.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.userspace.loop.EpollWaiter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rings over real kernel maps: a BPF program writes task records and drains dispatch records, Java maps
 * both maps and reads and writes them in place. Skipped without root, libbpf or the lab toolchain.
 */
class MappedRingTest {

    private BpfObject object;
    private RingMaps rings;
    private final TaskRecordView view = new TaskRecordView();
    private final List<TaskSample> read = new ArrayList<>();
    private final RecordHandler collect = (data, offset, length) -> {
        assertThat(length).isEqualTo(TaskRecord.SIZE);
        read.add(TaskSample.of(view.at(data, offset)));
        return true;
    };

    @BeforeEach
    void load() {
        object = HostRings.load();
        rings = RingMaps.open(object.map(HostRings.QUEUED), object.map(HostRings.DISPATCHED));
    }

    @AfterEach
    void close() {
        if (rings != null) {
            rings.close();
        }
        if (object != null) {
            object.close();
        }
    }

    @Test
    void javaReadsExactlyTheTasksTheProgramWroteSkippingTheDiscardedOne() {
        RingBufferConsumer consumer = new RingBufferConsumer(rings.queued());

        int written = HostRings.emitTasks(object, 0, 20, 5);

        assertThat(written).isEqualTo(20);
        assertThat(consumer.poll(collect, 100)).isEqualTo(20);
        assertThat(read).isEqualTo(expected(0, 20));
        assertThat(consumer.poll(collect, 100)).isZero();
        assertThat(rings.queued().consumerPosition()).isEqualTo(rings.queued().producerPosition());
    }

    @Test
    void recordsThatCrossTheEndOfTheKernelsRingAreReadWhole() {
        RingBufferConsumer consumer = new RingBufferConsumer(rings.queued());
        for (int round = 0; round < 4; round++) {
            assertThat(HostRings.emitTasks(object, round * 30, 30, 99)).isEqualTo(30);
            assertThat(consumer.poll(collect, 100)).isEqualTo(30);
        }

        assertThat(read).isEqualTo(expected(0, 120));
        assertThat(rings.queued().consumerPosition()).isEqualTo(120 * 112L).isGreaterThan(3 * HostRings.RING_SIZE);
    }

    @Test
    void theKernelRefusesTasksWhenTheRingIsFullUntilJavaConsumes() {
        RingBufferConsumer consumer = new RingBufferConsumer(rings.queued());

        int first = HostRings.emitTasks(object, 0, 64, 99);

        // The kernel keeps the ring from filling completely: 36 records of 112 bytes take 4032 of 4096.
        assertThat(first).isEqualTo(36);
        assertThat(consumer.poll(collect, 10)).isEqualTo(10);
        assertThat(HostRings.emitTasks(object, 36, 10, 99)).isEqualTo(10);
        consumer.poll(collect, 100);
        assertThat(read).isEqualTo(expected(0, 46));
    }

    @Test
    void theKernelDrainsExactlyTheDispatchesJavaWrote() {
        UserRingBufferProducer producer = new UserRingBufferProducer(rings.dispatched());
        List<DispatchSample> written = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Dispatch dispatch = Samples.dispatch(i);
            assertThat(producer.tryWrite(dispatch)).isTrue();
            written.add(DispatchSample.of(dispatch));
        }

        int drained = object.program("drain").run();

        assertThat(drained).isEqualTo(50);
        assertThat(HostRings.seen(object)).isEqualTo(written);
        assertThat(rings.dispatched().consumerPosition()).isEqualTo(50 * 48L);
    }

    @Test
    void aFullUserRingRefusesUntilTheKernelDrainsItThenWrapsAround() {
        UserRingBufferProducer producer = new UserRingBufferProducer(rings.dispatched());
        List<DispatchSample> written = new ArrayList<>();
        int accepted = 0;
        while (accepted < 200 && producer.tryWrite(Samples.dispatch(accepted))) {
            written.add(DispatchSample.of(Samples.dispatch(accepted)));
            accepted++;
        }
        // 85 records of 48 bytes take 4080 of 4096.
        assertThat(accepted).isEqualTo(85);

        assertThat(object.program("drain").run()).isEqualTo(85);
        for (int i = 85; i < 145; i++) {
            assertThat(producer.tryWrite(Samples.dispatch(i))).isTrue();
            written.add(DispatchSample.of(Samples.dispatch(i)));
        }
        assertThat(object.program("drain").run()).isEqualTo(60);

        assertThat(HostRings.seen(object)).isEqualTo(written);
    }

    @Test
    void epollWakesWhenTheProgramWritesATaskAndNotBefore() {
        RingBufferConsumer consumer = new RingBufferConsumer(rings.queued());
        try (EpollWaiter waiter = EpollWaiter.on(rings.queuedFd())) {
            assertThat(waiter.await(0)).isFalse();

            HostRings.emitTasks(object, 0, 1, 99);

            assertThat(waiter.await(2000)).isTrue();
            consumer.poll(collect, 10);
            assertThat(waiter.await(0)).isFalse();
        }
    }

    @Test
    void aMapOfTheWrongTypeIsRefusedByName() {
        assertThatThrownBy(() -> RingMaps.open(object.map(HostRings.DISPATCHED), object.map(HostRings.QUEUED)))
                .hasMessageContaining("Map 'dispatched'")
                .hasMessageContaining("not a BPF_MAP_TYPE_RINGBUF");
    }

    @Test
    void aFailedMappingSaysWhichRingAndTheErrno() {
        assertThatThrownBy(() -> MappedRing.ringBuffer("nothing", 999_999, HostRings.RING_SIZE))
                .hasMessageContaining("ring 'nothing'")
                .hasMessageContaining("errno 9");
    }

    @Test
    void anUnmappedRingRefusesItsRegionAndClosesOnce() {
        MappedRing ring = MappedRing.ringBuffer(
                HostRings.QUEUED, object.map(HostRings.QUEUED).fd(), HostRings.RING_SIZE);
        assertThat(ring.region().size()).isEqualTo(HostRings.RING_SIZE);

        ring.close();
        ring.close();

        assertThatThrownBy(ring::region).hasMessageContaining("is unmapped");
    }

    @Test
    void aSizeThatIsNoRingBufferSizeIsRefusedBeforeMapping() {
        assertThatThrownBy(() -> MappedRing.ringBuffer(
                        "odd", object.map(HostRings.QUEUED).fd(), 3000))
                .hasMessageContaining("max_entries 3000")
                .hasMessageContaining("power of two");
    }

    private static List<TaskSample> expected(int first, int count) {
        return IntStream.range(first, first + count)
                .mapToObj(Samples::probeTask)
                .toList();
    }
}
