package io.schedcp.core.manager;

/** Where an execution is in its life. */
public enum ExecutionState {
    /** Started; the kernel has not confirmed it yet. */
    STARTING,
    /** The kernel reports it enabled. */
    RUNNING,
    /** A stop was asked for and is under way. */
    STOPPING,
    /** Stopped on request, and the kernel is back on its default scheduler. */
    STOPPED,
    /** The kernel took it out while its program still ran. */
    EJECTED,
    /** Its program ended while it was supposed to run. */
    EXITED,
    /** It never reached RUNNING. */
    FAILED;

    public boolean isFinal() {
        return this == STOPPED || this == EJECTED || this == EXITED || this == FAILED;
    }
}
