package io.schedcp.userspace.ring;

import io.schedcp.api.policy.QueuedTask;
import java.nio.ByteBuffer;

/**
 * A {@code struct uspace_task} read in place, as a {@link QueuedTask}: {@link #at} points the one reused view
 * at a record, and each accessor reads its field from the ring's memory, so a decision copies and allocates
 * nothing. Valid while the record is, that is until the consumer's poll returns.
 */
public final class TaskRecordView implements QueuedTask {

    private final CommView comm = new CommView();
    private ByteBuffer data = ByteBuffer.allocate(0);
    private int base;

    /** Shows the record at {@code offset} of {@code data}, which must be little-endian. */
    public TaskRecordView at(ByteBuffer data, int offset) {
        this.data = data;
        this.base = offset;
        comm.at(data, offset + TaskRecord.COMM);
        return this;
    }

    @Override
    public int pid() {
        return data.getInt(base + TaskRecord.PID);
    }

    @Override
    public int tgid() {
        return data.getInt(base + TaskRecord.TGID);
    }

    @Override
    public int cpu() {
        return data.getInt(base + TaskRecord.CPU);
    }

    @Override
    public int cpusAllowed() {
        return data.getInt(base + TaskRecord.NR_CPUS_ALLOWED);
    }

    @Override
    public long flags() {
        return data.getLong(base + TaskRecord.FLAGS);
    }

    @Override
    public long startedNs() {
        return data.getLong(base + TaskRecord.START_NS);
    }

    @Override
    public long stoppedNs() {
        return data.getLong(base + TaskRecord.STOP_NS);
    }

    @Override
    public long runtimeSinceSleepNs() {
        return data.getLong(base + TaskRecord.EXEC_RUNTIME);
    }

    @Override
    public long weight() {
        return data.getLong(base + TaskRecord.WEIGHT);
    }

    @Override
    public long vtime() {
        return data.getLong(base + TaskRecord.VTIME);
    }

    @Override
    public long cgroupId() {
        return data.getLong(base + TaskRecord.CGROUP_ID);
    }

    @Override
    public CharSequence comm() {
        return comm;
    }

    @Override
    public long enqueuedNs() {
        return data.getLong(base + TaskRecord.ENQ_NS);
    }

    @Override
    public long enqueueSeq() {
        return data.getLong(base + TaskRecord.ENQ_SEQ);
    }

    @Override
    public String toString() {
        return "task pid " + pid() + " seq " + enqueueSeq() + " (" + comm + ")";
    }
}
