package io.schedcp.userspace.loop;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.QueuedTask;
import io.schedcp.api.policy.SchedulingPolicy;

/** Dispatches every task at once: on the CPU it last ran on, for a slice of its weight in microseconds. */
final class EchoPolicy implements SchedulingPolicy {

    int decided;

    @Override
    public boolean decide(QueuedTask task, Dispatch out) {
        decided++;
        out.cpu(task.cpu()).sliceNs(task.weight() * 1000);
        return true;
    }
}
