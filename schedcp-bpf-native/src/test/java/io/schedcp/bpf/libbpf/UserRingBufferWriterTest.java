package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands written to the probe's user ring buffer, drained by its drain program. */
class UserRingBufferWriterTest {

    private BpfObject object;

    @BeforeEach
    void load() {
        object = BpfObject.open(HostBpf.object(HostBpf.PROBE));
        object.load();
    }

    @AfterEach
    void close() {
        if (object != null) {
            object.close();
        }
    }

    @Test
    void samplesWrittenAreDrainedByTheProgramInOrder() {
        try (UserRingBufferWriter writer = UserRingBufferWriter.open(object.map("commands"))) {
            assertThat(writer.offer(longBytes(10))).isTrue();
            writer.reserve(8).orElseThrow().putLong(0, 20).submit();
            writer.reserve(8).orElseThrow().putLong(0, 1000).discard();
            assertThat(writer.offer(longBytes(12))).isTrue();

            int drained = object.program("drain").run();

            assertThat(drained).isEqualTo(3);
            GlobalData bss = object.globals(".bss");
            assertThat(bss.readLong("command_sum")).isEqualTo(42);
            assertThat(bss.readInt("commands_seen")).isEqualTo(3);
        }
    }

    @Test
    void aFullBufferRefusesTheOfferInsteadOfFailing() {
        try (UserRingBufferWriter writer = UserRingBufferWriter.open(object.map("commands"))) {
            int written = 0;
            while (writer.offer(longBytes(written)) && written < 10_000) {
                written++;
            }

            assertThat(written).isBetween(1, 4096 / 8);
            object.program("drain").run();
            assertThat(writer.offer(longBytes(1))).isTrue();
        }
    }

    @Test
    void aReservationTakesNoMoreThanItsSizeAndIsFinishedOnce() {
        try (UserRingBufferWriter writer = UserRingBufferWriter.open(object.map("commands"))) {
            UserRingBufferWriter.Reservation reservation = writer.reserve(8).orElseThrow();

            assertThatThrownBy(() -> reservation.putLong(4, 1))
                    .hasMessageContaining("Cannot write 8 bytes at offset 4");
            reservation.submit();
            assertThatThrownBy(reservation::discard).hasMessageContaining("already submitted");
        }
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8)
                .order(ByteOrder.nativeOrder())
                .putLong(value)
                .array();
    }
}
