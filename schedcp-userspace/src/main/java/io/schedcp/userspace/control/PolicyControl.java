package io.schedcp.userspace.control;

import io.schedcp.userspace.strategy.Strategy;
import java.util.List;

/**
 * A running scx_userspace, as its agent serves it and as another process reaches it through
 * {@link PolicyClient}: read the figures, and change the strategies that the {@code strategies} policy follows
 * while it schedules.
 */
public interface PolicyControl {

    /** The kernel's name for scx_userspace's struct_ops, as {@code /sys/kernel/sched_ext/root/ops} shows it. */
    String OPS_NAME = "userspace";

    /** @throws io.schedcp.api.SchedcpException UNAVAILABLE when scx_userspace is not running */
    PolicyStatus status();

    /** The strategies in force, in the order they are tried. */
    List<Strategy> strategies();

    /**
     * Adds {@code strategy} at the end, or replaces the one with its id where it stands; the policy follows it
     * from its next decision.
     *
     * @return the book's new generation
     * @throws io.schedcp.api.SchedcpException INVALID_INPUT when the running policy is not {@code strategies}
     */
    long put(Strategy strategy);

    /**
     * Removes the strategy {@code id}.
     *
     * @return whether there was one
     * @throws io.schedcp.api.SchedcpException INVALID_INPUT when the running policy is not {@code strategies}
     */
    boolean remove(String id);
}
