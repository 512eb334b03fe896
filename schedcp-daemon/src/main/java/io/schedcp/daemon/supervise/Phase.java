package io.schedcp.daemon.supervise;

/** Where the daemon's scheduler is. */
public enum Phase {
    /** No scheduler asked for: the kernel runs its default one. */
    IDLE,
    /** A start is under way. */
    STARTING,
    /** The kernel runs the scheduler. */
    RUNNING,
    /** It ended without being asked, and waits for its next start. */
    RESTARTING,
    /** A stop is under way. */
    STOPPING,
    /** Its restarts are spent, or its start cannot succeed: the kernel is on its default scheduler. */
    GAVE_UP
}
