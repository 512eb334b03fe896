package io.schedcp.userspace.control;

/** The requests of scx_userspace's socket and their args, so that the client writes what the agent reads. */
final class PolicyRequests {

    static final String STRATEGIES = "strategies";
    static final String PUT = "put";
    static final String REMOVE = "remove";

    /** put's arg: the strategy as {@link io.schedcp.userspace.strategy.StrategyJson} writes it. */
    static final String STRATEGY = "strategy";
    /** remove's arg: the strategy's id. */
    static final String ID = "id";

    /** put's answer: {@code {"generation": N}}. */
    record Put(long generation) {}

    /** remove's answer: {@code {"removed": true}}. */
    record Removed(boolean removed) {}

    private PolicyRequests() {}
}
