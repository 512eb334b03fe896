package io.schedcp.userspace.loop;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.QueuedTask;
import io.schedcp.api.policy.SchedulingPolicy;

/** Keeps every task and hands them out from next() in arrival order, with priority. */
final class KeepingPolicy implements SchedulingPolicy {

    private final int[] pids = new int[256];
    private final long[] seqs = new long[256];
    private int head;
    private int tail;

    @Override
    public boolean decide(QueuedTask task, Dispatch out) {
        pids[tail % pids.length] = task.pid();
        seqs[tail % seqs.length] = task.enqueueSeq();
        tail++;
        return false;
    }

    @Override
    public boolean next(Dispatch out) {
        if (head == tail) {
            return false;
        }
        out.reset(pids[head % pids.length], seqs[head % seqs.length]).priority(true);
        head++;
        return true;
    }
}
