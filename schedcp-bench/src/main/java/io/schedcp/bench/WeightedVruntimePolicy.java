package io.schedcp.bench;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.QueuedTask;
import io.schedcp.api.policy.SchedulingPolicy;

/**
 * A small fair-style policy for the benchmark, standing in for the real fair policy: each task's virtual
 * runtime grows by the time it ran scaled by 100 / weight, a task that woke up is brought to at most one slice
 * behind the most advanced virtual time dispatched (so sleeping earns no unbounded credit), and heavier tasks
 * get longer slices. Kept in a direct-mapped table by pid, so a decision allocates nothing.
 */
public final class WeightedVruntimePolicy implements SchedulingPolicy {

    private static final int SLOTS = 4096;
    private static final long NICE_0_WEIGHT = 100;

    private final long sliceNs;
    private final long[] vruntime = new long[SLOTS];
    private long frontier;

    public WeightedVruntimePolicy(long sliceNs) {
        this.sliceNs = sliceNs;
    }

    @Override
    public boolean decide(QueuedTask task, Dispatch out) {
        int slot = task.pid() & (SLOTS - 1);
        long weight = Math.max(1, task.weight());
        long ran = Math.max(0, task.stoppedNs() - task.startedNs());
        long v = vruntime[slot] + ran * NICE_0_WEIGHT / weight;
        if (task.wokeUp()) {
            v = Math.max(v, frontier - sliceNs);
        }
        vruntime[slot] = v;
        frontier = Math.max(frontier, v);
        out.vtime(v).sliceNs(Math.min(sliceNs * weight / NICE_0_WEIGHT, 8 * sliceNs));
        return true;
    }
}
