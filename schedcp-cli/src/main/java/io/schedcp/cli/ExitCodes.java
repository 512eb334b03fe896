package io.schedcp.cli;

import io.schedcp.api.SchedcpException;

/** The CLI's exit codes, one per cause, documented in docs/cli.md. */
final class ExitCodes {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int UNAVAILABLE = 4;
    public static final int NO_SCHED_EXT = 5;
    public static final int PERMISSION = 6;
    public static final int START_FAILED = 7;
    public static final int EJECTED = 8;
    public static final int STOP_FAILED = 9;
    public static final int IO = 10;
    /** A custom scheduler's source failed its checks or compilation, or the scheduler failed verification. */
    public static final int REJECTED = 11;
    /** {@code lab run}: the guest kernel crashed (its report is printed). */
    public static final int LAB_KERNEL_CRASHED = 12;

    private ExitCodes() {}

    public static int of(SchedcpException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> NOT_FOUND;
            case INVALID_INPUT -> USAGE;
            case UNAVAILABLE -> UNAVAILABLE;
            case NO_SCHED_EXT -> NO_SCHED_EXT;
            case PERMISSION -> PERMISSION;
            case START_FAILED -> START_FAILED;
            case EJECTED -> EJECTED;
            case STOP_FAILED -> STOP_FAILED;
            case IO -> IO;
        };
    }
}
