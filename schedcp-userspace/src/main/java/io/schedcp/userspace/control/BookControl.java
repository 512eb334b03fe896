package io.schedcp.userspace.control;

import io.schedcp.api.SchedcpException;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.StrategyBook;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The agent's side of {@link PolicyControl}: the strategy book the running policy was built with, and the
 * figures read when asked. A change is refused unless the running policy is {@code strategies}, since any other
 * policy never reads the book and the change would do nothing.
 */
public final class BookControl implements PolicyControl {

    /** The policy that follows the book. */
    public static final String STRATEGIES = "strategies";

    private final String policy;
    private final StrategyBook book;
    private final Supplier<PolicyStatus> status;

    /** @param status reads the figures now; called from a connection's thread */
    public BookControl(String policy, StrategyBook book, Supplier<PolicyStatus> status) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.book = Objects.requireNonNull(book, "book");
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public PolicyStatus status() {
        return status.get();
    }

    @Override
    public List<Strategy> strategies() {
        return book.list();
    }

    @Override
    public long put(Strategy strategy) {
        requireStrategies("put " + strategy.id());
        return book.put(strategy);
    }

    @Override
    public boolean remove(String id) {
        requireStrategies("remove " + id);
        return book.remove(id);
    }

    private void requireStrategies(String change) {
        if (!policy.equals(STRATEGIES)) {
            throw new SchedcpException(
                    SchedcpException.Kind.INVALID_INPUT,
                    "scx_userspace runs the policy " + policy + ", which follows no strategies, so " + change
                            + " would change nothing; run it with --policy " + STRATEGIES + " to change strategies"
                            + " while it schedules");
        }
    }
}
