package io.schedcp.core.manager;

/**
 * What a start does when the kernel runs a sched_ext scheduler that this manager did not start: one held by
 * another program (a user's scx_loader, a systemd unit, another schedcp) belongs to someone else.
 */
public enum ForeignPolicy {
    /** Name it and leave it running; the start fails with {@link ForeignSchedulerRunning}. */
    LEAVE_ALONE,
    /** Stop the programs that hold it (SIGINT, SIGTERM, SIGKILL), then start. */
    REPLACE
}
