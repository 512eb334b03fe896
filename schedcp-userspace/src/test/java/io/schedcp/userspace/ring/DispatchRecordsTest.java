package io.schedcp.userspace.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.policy.Dispatch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Dispatches written in place, field by field, at the header's offsets. */
class DispatchRecordsTest {

    private final ByteBuffer data = ByteBuffer.allocateDirect(128).order(ByteOrder.LITTLE_ENDIAN);

    @Test
    void everyFieldLandsAtItsOffset() {
        Dispatch dispatch = new Dispatch()
                .reset(31337, 0x1_0000_0009L)
                .cpu(5)
                .sliceNs(0x2_0000_0000L)
                .vtime(0x7000_0000_0000_0001L)
                .priority(true);

        DispatchRecords.write(data, 16, dispatch);

        assertThat(data.getInt(16)).isEqualTo(31337);
        assertThat(data.getInt(20)).isEqualTo(5);
        assertThat(data.getLong(24)).isEqualTo(0x2_0000_0000L);
        assertThat(data.getLong(32)).isEqualTo(0x7000_0000_0000_0001L);
        assertThat(data.getLong(40)).isEqualTo(Dispatch.FLAG_PRIORITY);
        assertThat(data.getLong(48)).isEqualTo(0x1_0000_0009L);
    }

    @Test
    void anyCpuIsWrittenAsMinusOneAndReadBackAsSuch() {
        Dispatch dispatch = Samples.dispatch(3);

        DispatchRecords.write(data, 0, dispatch);

        assertThat(data.getInt(DispatchRecord.CPU)).isEqualTo(-1);
        assertThat(DispatchSample.read(data, 0)).isEqualTo(DispatchSample.of(dispatch));
    }

    @Test
    void theRecordTouchesNoByteOutsideItsForty() {
        for (int i = 0; i < data.capacity(); i++) {
            data.put(i, (byte) 0x5a);
        }

        DispatchRecords.write(data, 8, Samples.dispatch(4));

        assertThat(data.get(7)).isEqualTo((byte) 0x5a);
        assertThat(data.get(8 + DispatchRecord.SIZE)).isEqualTo((byte) 0x5a);
    }
}
