package io.schedcp.userspace.strategy;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.QueuedTask;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.userspace.policy.FairPolicy;
import java.util.List;
import java.util.Objects;

/**
 * Fair sharing ({@link FairPolicy}) with the strategies of a {@link StrategyBook} on top: a task the first matching
 * strategy finds gets its priority and its slice. The result of each pid is cached, so the common decision (a task
 * seen before, under the same book, with the same command and cgroup) allocates nothing; looking a task up afresh
 * does (a regex's matcher, a cgroup walk), once per task and change. Runs on the policy thread alone, like every
 * policy; the book may change on any thread.
 */
public final class StrategiesPolicy implements SchedulingPolicy {

    private static final int CACHE_CAPACITY = 1 << 15;

    private final StrategyBook book;
    private final CgroupPaths cgroups;
    private final FairPolicy fair;
    private final MatchCache cache = new MatchCache(CACHE_CAPACITY);
    private long cachedGeneration = -1;
    private long lookups;

    /**
     * @param book the strategies, read again whenever its generation changes
     * @param cgroups where the cgroup matches find a task's cgroup
     * @param fair the order and slice of every task, matched or not
     */
    public StrategiesPolicy(StrategyBook book, CgroupPaths cgroups, FairPolicy fair) {
        this.book = Objects.requireNonNull(book, "book");
        this.cgroups = Objects.requireNonNull(cgroups, "cgroups");
        this.fair = Objects.requireNonNull(fair, "fair");
    }

    @Override
    public boolean decide(QueuedTask task, Dispatch out) {
        fair.decide(task, out);
        StrategyBook.Snapshot snapshot = book.snapshot();
        if (snapshot.generation() != cachedGeneration) {
            cache.clear();
            cachedGeneration = snapshot.generation();
        }
        int result = cache.get(task);
        if (result == MatchCache.MISS) {
            result = firstMatch(task, snapshot.strategies());
            cache.put(task, result);
        }
        if (result >= 0) {
            Strategy strategy = snapshot.strategies().get(result);
            if (strategy.priority()) {
                out.priority(true);
            }
            if (strategy.sliceNs().isPresent()) {
                out.sliceNs(strategy.sliceNs().getAsLong());
            }
        }
        return true;
    }

    /** The book this policy follows: change it to change the strategies of a running scheduler. */
    public StrategyBook book() {
        return book;
    }

    /** How many decisions had to match the task against the strategies, the cache not knowing it. */
    public long lookups() {
        return lookups;
    }

    private int firstMatch(QueuedTask task, List<Strategy> strategies) {
        lookups++;
        for (int i = 0; i < strategies.size(); i++) {
            if (strategies.get(i).match().matches(task, cgroups)) {
                return i;
            }
        }
        return MatchCache.NO_MATCH;
    }
}
