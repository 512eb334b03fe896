package io.schedcp.userspace.ring;

/**
 * The offsets of {@code struct uspace_dispatch} in bpf/userspace/scx_userspace.h, the record Java sends back
 * for each decision. All fields are little-endian and naturally aligned. {@code DispatchRecordTest} reads the
 * header and checks these stay in step with it.
 */
public final class DispatchRecord {

    public static final int PID = 0;
    public static final int CPU = 4;
    public static final int SLICE_NS = 8;
    public static final int VTIME = 16;
    public static final int FLAGS = 24;
    public static final int ENQ_SEQ = 32;
    public static final int SIZE = 40;

    private DispatchRecord() {}
}
