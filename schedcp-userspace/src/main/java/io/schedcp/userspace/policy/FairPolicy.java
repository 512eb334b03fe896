package io.schedcp.userspace.policy;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.QueuedTask;
import io.schedcp.api.policy.SchedulingPolicy;

/**
 * Weighted fair sharing by virtual time: every task goes to the shared queue, which runs the lowest virtual time
 * first, and the kernel side advances a task's virtual time by its runtime scaled by 100 / weight, so a task of
 * weight 200 runs twice as long as one of weight 100 for the same advance. A task that slept is not owed all the
 * time it slept: it is placed at most one slice behind the newest virtual time dispatched, or it would take the
 * CPU for as long as it had slept. Allocates nothing.
 */
public final class FairPolicy implements SchedulingPolicy {

    private final long creditNs;
    private final long sliceNs;
    private long vtimeNow;

    /**
     * @param creditNs how far behind the newest virtual time a waking task may be placed: one slice
     * @param sliceNs the slice each dispatch asks for, {@link Dispatch#DEFAULT_SLICE} for the scheduler's own
     */
    public FairPolicy(long creditNs, long sliceNs) {
        if (creditNs < 0 || sliceNs < 0) {
            throw new IllegalArgumentException(
                    "a fair policy's credit and slice are at least 0 ns, not " + creditNs + " and " + sliceNs);
        }
        this.creditNs = creditNs;
        this.sliceNs = sliceNs;
    }

    @Override
    public boolean decide(QueuedTask task, Dispatch out) {
        long vtime = Math.max(task.vtime(), vtimeNow - creditNs);
        if (vtime > vtimeNow) {
            vtimeNow = vtime;
        }
        out.cpu(Dispatch.ANY_CPU).sliceNs(sliceNs).vtime(vtime);
        return true;
    }

    /** The highest virtual time dispatched so far. */
    public long vtimeNow() {
        return vtimeNow;
    }
}
