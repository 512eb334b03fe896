package io.schedcp.userspace.policy;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.QueuedTask;
import io.schedcp.api.policy.SchedulingPolicy;

/**
 * First come, first served: each decision's virtual time is one more than the last, so the shared queue runs tasks
 * in the order they were queued, whatever their weight. Allocates nothing.
 */
public final class FifoPolicy implements SchedulingPolicy {

    private long next;

    @Override
    public boolean decide(QueuedTask task, Dispatch out) {
        out.cpu(Dispatch.ANY_CPU).vtime(next++);
        return true;
    }
}
