package io.schedcp.api.spi;

/** The escalating ways of asking a scheduler to stop; the manager tries them in this order. */
public enum StopSignal {
    /** SIGINT: the polite request a scheduler handles by detaching itself. */
    INTERRUPT,
    /** SIGTERM. */
    TERMINATE,
    /** SIGKILL: the kernel then unloads the scheduler when its last reference goes. */
    KILL
}
