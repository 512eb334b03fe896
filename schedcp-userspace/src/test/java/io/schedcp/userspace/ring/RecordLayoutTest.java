package io.schedcp.userspace.ring;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.userspace.ring.HeaderLayout.Field;
import io.schedcp.userspace.ring.HeaderLayout.Struct;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java offsets against bpf/userspace/scx_userspace.h itself, so that a change of the header fails here. */
class RecordLayoutTest {

    private static Map<String, Struct> header;

    @BeforeAll
    static void readHeader() throws IOException {
        header = HeaderLayout.read();
    }

    @Test
    void theTaskRecordIsLaidOutAsTheHeaderSays() {
        Struct task = header.get("uspace_task");

        assertThat(task.fields())
                .containsExactly(
                        Map.entry("pid", new Field(TaskRecord.PID, 4)),
                        Map.entry("tgid", new Field(TaskRecord.TGID, 4)),
                        Map.entry("cpu", new Field(TaskRecord.CPU, 4)),
                        Map.entry("nr_cpus_allowed", new Field(TaskRecord.NR_CPUS_ALLOWED, 4)),
                        Map.entry("flags", new Field(TaskRecord.FLAGS, 8)),
                        Map.entry("start_ns", new Field(TaskRecord.START_NS, 8)),
                        Map.entry("stop_ns", new Field(TaskRecord.STOP_NS, 8)),
                        Map.entry("exec_runtime", new Field(TaskRecord.EXEC_RUNTIME, 8)),
                        Map.entry("weight", new Field(TaskRecord.WEIGHT, 8)),
                        Map.entry("vtime", new Field(TaskRecord.VTIME, 8)),
                        Map.entry("cgroup_id", new Field(TaskRecord.CGROUP_ID, 8)),
                        Map.entry("enq_seq", new Field(TaskRecord.ENQ_SEQ, 8)),
                        Map.entry("enq_ns", new Field(TaskRecord.ENQ_NS, 8)),
                        Map.entry("comm", new Field(TaskRecord.COMM, TaskRecord.COMM_LEN)));
        assertThat(task.size()).isEqualTo(TaskRecord.SIZE).isEqualTo(104);
    }

    @Test
    void theTaskOffsetsAreTheOnesTheHeaderWritesBesideEachField() {
        assertThat(new int[] {
                    TaskRecord.PID,
                    TaskRecord.TGID,
                    TaskRecord.CPU,
                    TaskRecord.NR_CPUS_ALLOWED,
                    TaskRecord.FLAGS,
                    TaskRecord.START_NS,
                    TaskRecord.STOP_NS,
                    TaskRecord.EXEC_RUNTIME,
                    TaskRecord.WEIGHT,
                    TaskRecord.VTIME,
                    TaskRecord.CGROUP_ID,
                    TaskRecord.ENQ_SEQ,
                    TaskRecord.ENQ_NS,
                    TaskRecord.COMM
                })
                .containsExactly(0, 4, 8, 12, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88);
    }

    @Test
    void theDispatchRecordIsLaidOutAsTheHeaderSays() {
        Struct dispatch = header.get("uspace_dispatch");

        assertThat(dispatch.fields())
                .containsExactly(
                        Map.entry("pid", new Field(DispatchRecord.PID, 4)),
                        Map.entry("cpu", new Field(DispatchRecord.CPU, 4)),
                        Map.entry("slice_ns", new Field(DispatchRecord.SLICE_NS, 8)),
                        Map.entry("vtime", new Field(DispatchRecord.VTIME, 8)),
                        Map.entry("flags", new Field(DispatchRecord.FLAGS, 8)),
                        Map.entry("enq_seq", new Field(DispatchRecord.ENQ_SEQ, 8)));
        assertThat(dispatch.size()).isEqualTo(DispatchRecord.SIZE).isEqualTo(40);
        assertThat(new int[] {
                    DispatchRecord.PID,
                    DispatchRecord.CPU,
                    DispatchRecord.SLICE_NS,
                    DispatchRecord.VTIME,
                    DispatchRecord.FLAGS,
                    DispatchRecord.ENQ_SEQ
                })
                .containsExactly(0, 4, 8, 16, 24, 32);
    }

    @Test
    void aRecordTakesItsHeaderAndSampleRoundedUpToEightBytes() {
        assertThat(RecordHeader.footprint(TaskRecord.SIZE)).isEqualTo(112);
        assertThat(RecordHeader.footprint(DispatchRecord.SIZE)).isEqualTo(48);
        assertThat(RecordHeader.footprint(1)).isEqualTo(16);
        assertThat(RecordHeader.footprint(0)).isEqualTo(8);
    }
}
