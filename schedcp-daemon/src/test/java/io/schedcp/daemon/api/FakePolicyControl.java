package io.schedcp.daemon.api;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.control.PolicyStatus;
import io.schedcp.userspace.loop.LoopStats;
import io.schedcp.userspace.stats.UserspaceCounters;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.StrategyBook;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A running scx_userspace in the test's hands: a real strategy book, a fixed status, or not running at all. */
public final class FakePolicyControl implements PolicyControl {

    /** A status with every figure different, so that a field shown in place of another shows. */
    public static final PolicyStatus STATUS = new PolicyStatus(
            "strategies",
            new UserspaceCounters(101, 102, 103, 104, 105, 106, 107, 108, 109),
            5000,
            12_000,
            99_500,
            250_000,
            new LoopStats(201, 202, 203, 204, 205));

    public final StrategyBook book = new StrategyBook();
    private final Optional<Path> notRunningAt;
    private final String policy;

    private FakePolicyControl(Optional<Path> notRunningAt, String policy) {
        this.notRunningAt = notRunningAt;
        this.policy = policy;
    }

    public static FakePolicyControl running(String policy) {
        return new FakePolicyControl(Optional.empty(), policy);
    }

    /** As a client with no agent at {@code socket} raises it: the fact alone. */
    public static FakePolicyControl notRunning(Path socket) {
        return new FakePolicyControl(Optional.of(socket), "none");
    }

    @Override
    public PolicyStatus status() {
        requireRunning();
        return STATUS;
    }

    @Override
    public List<Strategy> strategies() {
        requireRunning();
        return book.list();
    }

    @Override
    public long put(Strategy strategy) {
        requireStrategies();
        return book.put(strategy);
    }

    @Override
    public boolean remove(String id) {
        requireStrategies();
        return book.remove(id);
    }

    private void requireStrategies() {
        requireRunning();
        if (!policy.equals("strategies")) {
            throw new SchedcpException(Kind.INVALID_INPUT, "scx_userspace runs the policy " + policy);
        }
    }

    private void requireRunning() {
        notRunningAt.ifPresent(socket -> {
            throw new SchedcpException(Kind.UNAVAILABLE, "scx_userspace is not running: no agent listens on " + socket);
        });
    }
}
