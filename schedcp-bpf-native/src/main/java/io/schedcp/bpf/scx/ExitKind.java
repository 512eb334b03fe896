package io.schedcp.bpf.scx;

import java.util.Map;

/** The kernel's {@code enum scx_exit_kind}: why a sched_ext scheduler stopped. Values from the kernel's BTF. */
public final class ExitKind {

    public static final int NONE = 0;
    public static final int DONE = 1;
    public static final int UNREG = 64;
    public static final int UNREG_BPF = 65;
    public static final int UNREG_KERN = 66;
    public static final int SYSRQ = 67;
    public static final int ERROR = 1024;
    public static final int ERROR_BPF = 1025;
    public static final int ERROR_STALL = 1026;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(NONE, "SCX_EXIT_NONE"),
            Map.entry(DONE, "SCX_EXIT_DONE"),
            Map.entry(UNREG, "SCX_EXIT_UNREG"),
            Map.entry(UNREG_BPF, "SCX_EXIT_UNREG_BPF"),
            Map.entry(UNREG_KERN, "SCX_EXIT_UNREG_KERN"),
            Map.entry(SYSRQ, "SCX_EXIT_SYSRQ"),
            Map.entry(68, "SCX_EXIT_PARENT"),
            Map.entry(69, "SCX_EXIT_PARENT_KILL"),
            Map.entry(ERROR, "SCX_EXIT_ERROR"),
            Map.entry(ERROR_BPF, "SCX_EXIT_ERROR_BPF"),
            Map.entry(ERROR_STALL, "SCX_EXIT_ERROR_STALL"),
            Map.entry(1027, "SCX_EXIT_ERROR_REENQ"),
            Map.entry(1028, "SCX_EXIT_ERROR_RESCUE"));

    private ExitKind() {}

    /** The enumerator's name, or {@code SCX_EXIT_<n>} for a value this build does not know. */
    public static String name(int kind) {
        return NAMES.getOrDefault(kind, "SCX_EXIT_" + kind);
    }

    /** Kinds from 1024 up are errors: the kernel ejected the scheduler; below are orderly ends. */
    public static boolean isError(int kind) {
        return kind >= ERROR;
    }
}
