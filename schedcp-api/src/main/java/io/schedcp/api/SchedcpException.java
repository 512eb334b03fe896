package io.schedcp.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure with a message meant for the user. The {@link Kind} lets front ends pick an exit code or an error
 * category without parsing text. When the remedy depends on which front end shows the failure (a command to
 * run, a tool to call), the message states only what happened and why, and the {@link ErrorDetail} carries the
 * data each front end needs to add its own advice ({@link #messageWith}). Advice that holds whatever shows it
 * (set an environment variable, fix a file) may stay in the message.
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
    private final ErrorDetail detail;

    public SchedcpException(Kind kind, String message) {
        this(kind, message, (ErrorDetail) null, null);
    }

    public SchedcpException(Kind kind, String message, Throwable cause) {
        this(kind, message, (ErrorDetail) null, cause);
    }

    /** @param message the fact alone: the front end that shows it adds the advice {@code detail} calls for */
    public SchedcpException(Kind kind, String message, ErrorDetail detail) {
        this(kind, message, Objects.requireNonNull(detail, "detail"), null);
    }

    /** @param message the fact alone: the front end that shows it adds the advice {@code detail} calls for */
    public SchedcpException(Kind kind, String message, ErrorDetail detail, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** What the failure is about, as data for a front end's advice; empty when the message says it all. */
    public Optional<ErrorDetail> detail() {
        return Optional.ofNullable(detail);
    }

    /** The same failure (kind and detail) told with more context, such as what was being done; this is its cause. */
    public SchedcpException wrapped(String message) {
        return new SchedcpException(kind, message, detail, this);
    }

    /**
     * The message followed by a front end's {@code advice}: after a semicolon, or, when the message ends in a
     * block of a program's output, on a line of its own after it.
     */
    public String messageWith(String advice) {
        return withAdvice(getMessage(), advice);
    }

    /** {@code fact} followed by {@code advice}, as {@link #messageWith} joins them; {@code fact} alone when blank. */
    public static String withAdvice(String fact, String advice) {
        if (advice.isBlank()) {
            return fact;
        }
        if (fact.indexOf('\n') < 0) {
            return fact + "; " + advice;
        }
        return fact + "\n" + advice.substring(0, 1).toUpperCase(Locale.ROOT) + advice.substring(1) + ".";
    }
}
