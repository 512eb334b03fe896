package io.schedcp.userspace.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Task records read in place, field by field, at the header's offsets. */
class TaskRecordViewTest {

    private final ByteBuffer data = ByteBuffer.allocateDirect(256).order(ByteOrder.LITTLE_ENDIAN);
    private final TaskRecordView view = new TaskRecordView();

    @Test
    void everyFieldWrittenAtItsOffsetIsReadBack() {
        int base = 24;
        data.putInt(base, 4242);
        data.putInt(base + 4, 4200);
        data.putInt(base + 8, 3);
        data.putInt(base + 12, 2);
        data.putLong(base + 16, 0x3L);
        data.putLong(base + 24, 0x1_0000_0001L);
        data.putLong(base + 32, 0x1_0000_0002L);
        data.putLong(base + 40, 0x1_0000_0003L);
        data.putLong(base + 48, 1024);
        data.putLong(base + 56, 0x7fff_0000_0000_0004L);
        data.putLong(base + 64, 0x1_0000_0005L);
        data.putLong(base + 72, 0x1_0000_0006L);
        data.putLong(base + 80, 0x1_0000_0007L);
        data.put(base + 88, (byte) 'c').put(base + 89, (byte) 'c').put(base + 90, (byte) '1');

        view.at(data, base);

        assertThat(view.pid()).isEqualTo(4242);
        assertThat(view.tgid()).isEqualTo(4200);
        assertThat(view.cpu()).isEqualTo(3);
        assertThat(view.cpusAllowed()).isEqualTo(2);
        assertThat(view.flags()).isEqualTo(3);
        assertThat(view.wokeUp()).isTrue();
        assertThat(view.startedNs()).isEqualTo(0x1_0000_0001L);
        assertThat(view.stoppedNs()).isEqualTo(0x1_0000_0002L);
        assertThat(view.runtimeSinceSleepNs()).isEqualTo(0x1_0000_0003L);
        assertThat(view.weight()).isEqualTo(1024);
        assertThat(view.vtime()).isEqualTo(0x7fff_0000_0000_0004L);
        assertThat(view.cgroupId()).isEqualTo(0x1_0000_0005L);
        assertThat(view.enqueueSeq()).isEqualTo(0x1_0000_0006L);
        assertThat(view.enqueuedNs()).isEqualTo(0x1_0000_0007L);
        assertThat(view.comm().toString()).isEqualTo("cc1");
    }

    @Test
    void aSampleWrittenAndViewedComesBackEqual() {
        TaskSample sample = Samples.probeTask(37);
        sample.writeTo(data, 8);

        assertThat(TaskSample.of(view.at(data, 8))).isEqualTo(sample);
    }

    @Test
    void theCommandNameEndsAtItsNulAndComparesWithoutCopying() {
        new TaskSample(1, 1, 0, 1, 0, 0, 0, 0, 100, 0, 0, 0, 0, "kworker/u8:2").writeTo(data, 0);

        CharSequence comm = view.at(data, 0).comm();

        assertThat(comm.length()).isEqualTo(12);
        assertThat(comm.charAt(8)).isEqualTo('u');
        assertThat("kworker/u8:2".contentEquals(comm)).isTrue();
        assertThat(comm.subSequence(0, 7).toString()).isEqualTo("kworker");
        assertThatThrownBy(() -> comm.charAt(12)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aCommandNameWithoutNulStopsAtSixteenBytes() {
        for (int i = 0; i < 20; i++) {
            data.put(TaskRecord.COMM + i, (byte) ('a' + i));
        }

        assertThat(view.at(data, 0).comm().toString()).isEqualTo("abcdefghijklmnop");
    }

    @Test
    void theViewFollowsTheRecordItIsMovedTo() {
        Samples.probeTask(1).writeTo(data, 0);
        Samples.probeTask(2).writeTo(data, 112);
        CharSequence comm = view.at(data, 0).comm();
        assertThat(comm.toString()).isEqualTo("probe-b");

        view.at(data, 112);

        assertThat(view.pid()).isEqualTo(1002);
        assertThat(comm.toString()).isEqualTo("probe-c");
    }

    @Test
    void aSampleRefusesACommandNameTheKernelCouldNotHold() {
        assertThatThrownBy(() -> new TaskSample(1, 1, 0, 1, 0, 0, 0, 0, 100, 0, 0, 0, 0, "sixteen-chars-xx"))
                .hasMessageContaining("at most 15 ASCII characters");
    }
}
