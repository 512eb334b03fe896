package io.schedcp.api;

import java.util.Objects;

/**
 * A failure with a message meant for the user: what happened, why, and what to do next. The
 * {@link Kind} lets front ends pick an exit code or an error category without parsing text.
 */
public class SchedcpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The cause of a failure, by what the user can do about it. */
    public enum Kind {
        /** No scheduler, execution or file by that name. */
        NOT_FOUND,
        /** The input is malformed: a bad name, flag or value. */
        INVALID_INPUT,
        /** The scheduler cannot run here: its binary is missing or a requirement is not met. */
        UNAVAILABLE,
        /** The kernel has no sched_ext. */
        NO_SCHED_EXT,
        /** Root is needed and could not be had. */
        PERMISSION,
        /** The scheduler did not start or the kernel did not confirm it. */
        START_FAILED,
        /** The scheduler was ejected by the kernel or died while running. */
        EJECTED,
        /** The scheduler did not stop, or the kernel did not return to its default scheduler. */
        STOP_FAILED,
        /** Reading or writing a file failed. */
        IO
    }

    private final Kind kind;

    public SchedcpException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public SchedcpException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
