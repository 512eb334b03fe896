package io.schedcp.userspace.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The strategies in force, in order: the first that matches a task applies. Writers (a control socket, a file
 * reload) change it under a lock; the policy thread reads the current {@link Snapshot} through a volatile field,
 * without a lock and without allocating, and learns from its {@link Snapshot#generation()} that something changed.
 */
public final class StrategyBook {

    /**
     * The book at one moment.
     *
     * @param generation bumped by every change; 0 for a book never changed
     * @param strategies in the order they are tried
     */
    public record Snapshot(long generation, List<Strategy> strategies) {

        public Snapshot {
            strategies = List.copyOf(strategies);
        }

        /** The strategy {@code id}, if there is one. */
        public Optional<Strategy> find(String id) {
            return strategies.stream().filter(s -> s.id().equals(id)).findFirst();
        }
    }

    private final Object lock = new Object();
    private volatile Snapshot current = new Snapshot(0, List.of());

    /** An empty book. */
    public StrategyBook() {}

    /** A book of {@code strategies}, in their order. */
    public StrategyBook(List<Strategy> strategies) {
        replaceAll(strategies);
    }

    /** The book now; never blocks. */
    public Snapshot snapshot() {
        return current;
    }

    public List<Strategy> list() {
        return current.strategies();
    }

    public long generation() {
        return current.generation();
    }

    /**
     * Adds {@code strategy} at the end, or replaces the strategy with its id where it stands.
     *
     * @return the new generation
     */
    public long put(Strategy strategy) {
        Objects.requireNonNull(strategy, "strategy");
        synchronized (lock) {
            List<Strategy> next = new ArrayList<>(current.strategies());
            int at = indexOf(next, strategy.id());
            if (at >= 0) {
                next.set(at, strategy);
            } else {
                next.add(strategy);
            }
            return publish(next);
        }
    }

    /** Removes the strategy {@code id}; whether there was one (the generation changes only then). */
    public boolean remove(String id) {
        synchronized (lock) {
            List<Strategy> next = new ArrayList<>(current.strategies());
            int at = indexOf(next, id);
            if (at < 0) {
                return false;
            }
            next.remove(at);
            publish(next);
            return true;
        }
    }

    /**
     * Makes {@code strategies} the whole book, as a file read again says it.
     *
     * @throws IllegalArgumentException when two have the same id
     * @return the new generation
     */
    public long replaceAll(List<Strategy> strategies) {
        Set<String> ids = new HashSet<>();
        for (Strategy strategy : strategies) {
            if (!ids.add(strategy.id())) {
                throw new IllegalArgumentException(
                        "two strategies have the id " + strategy.id() + "; give each its own id");
            }
        }
        synchronized (lock) {
            return publish(strategies);
        }
    }

    private long publish(List<Strategy> strategies) {
        long generation = current.generation() + 1;
        current = new Snapshot(generation, strategies);
        return generation;
    }

    private static int indexOf(List<Strategy> strategies, String id) {
        for (int i = 0; i < strategies.size(); i++) {
            if (strategies.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
