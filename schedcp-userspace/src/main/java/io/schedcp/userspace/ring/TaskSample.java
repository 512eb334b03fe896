package io.schedcp.userspace.ring;

import io.schedcp.api.policy.QueuedTask;
import java.nio.ByteBuffer;

/**
 * The fields of one {@code struct uspace_task}, as a value: what a simulated BPF producer writes
 * ({@link InMemoryRings#emit}) and what a test expects to read. Writing one allocates nothing.
 *
 * @param comm the command name, at most 15 ASCII characters (the kernel's 16 bytes with their NUL)
 */
public record TaskSample(
        int pid,
        int tgid,
        int cpu,
        int cpusAllowed,
        long flags,
        long startedNs,
        long stoppedNs,
        long runtimeSinceSleepNs,
        long weight,
        long vtime,
        long cgroupId,
        long enqueueSeq,
        long enqueuedNs,
        String comm) {

    public TaskSample {
        if (comm.length() >= TaskRecord.COMM_LEN || !comm.chars().allMatch(c -> c > 0 && c < 0x80)) {
            throw new IllegalArgumentException("A task's command name is at most " + (TaskRecord.COMM_LEN - 1)
                    + " ASCII characters without NUL, not '" + comm + "'.");
        }
    }

    /** A copy of what {@code task} shows now. */
    public static TaskSample of(QueuedTask task) {
        return new TaskSample(
                task.pid(),
                task.tgid(),
                task.cpu(),
                task.cpusAllowed(),
                task.flags(),
                task.startedNs(),
                task.stoppedNs(),
                task.runtimeSinceSleepNs(),
                task.weight(),
                task.vtime(),
                task.cgroupId(),
                task.enqueueSeq(),
                task.enqueuedNs(),
                task.comm().toString());
    }

    /** Writes the record at {@code offset} of {@code data} (little-endian), the command name NUL-padded. */
    public void writeTo(ByteBuffer data, int offset) {
        data.putInt(offset + TaskRecord.PID, pid);
        data.putInt(offset + TaskRecord.TGID, tgid);
        data.putInt(offset + TaskRecord.CPU, cpu);
        data.putInt(offset + TaskRecord.NR_CPUS_ALLOWED, cpusAllowed);
        data.putLong(offset + TaskRecord.FLAGS, flags);
        data.putLong(offset + TaskRecord.START_NS, startedNs);
        data.putLong(offset + TaskRecord.STOP_NS, stoppedNs);
        data.putLong(offset + TaskRecord.EXEC_RUNTIME, runtimeSinceSleepNs);
        data.putLong(offset + TaskRecord.WEIGHT, weight);
        data.putLong(offset + TaskRecord.VTIME, vtime);
        data.putLong(offset + TaskRecord.CGROUP_ID, cgroupId);
        data.putLong(offset + TaskRecord.ENQ_SEQ, enqueueSeq);
        data.putLong(offset + TaskRecord.ENQ_NS, enqueuedNs);
        for (int i = 0; i < TaskRecord.COMM_LEN; i++) {
            data.put(offset + TaskRecord.COMM + i, i < comm.length() ? (byte) comm.charAt(i) : 0);
        }
    }
}
