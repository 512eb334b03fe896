package io.schedcp.userspace.ring;

/**
 * The offsets of {@code struct uspace_task} in bpf/userspace/scx_userspace.h, the record BPF sends for each
 * task that needs a decision. All fields are little-endian and naturally aligned. {@code TaskRecordTest} reads
 * the header and checks these stay in step with it.
 */
public final class TaskRecord {

    public static final int PID = 0;
    public static final int TGID = 4;
    public static final int CPU = 8;
    public static final int NR_CPUS_ALLOWED = 12;
    public static final int FLAGS = 16;
    public static final int START_NS = 24;
    public static final int STOP_NS = 32;
    public static final int EXEC_RUNTIME = 40;
    public static final int WEIGHT = 48;
    public static final int VTIME = 56;
    public static final int CGROUP_ID = 64;
    public static final int ENQ_SEQ = 72;
    public static final int ENQ_NS = 80;
    public static final int COMM = 88;
    /** {@code USPACE_COMM_LEN}: the command name's bytes, NUL-terminated unless all 16 are used. */
    public static final int COMM_LEN = 16;

    public static final int SIZE = 104;

    private TaskRecord() {}
}
