package io.schedcp.userspace.harness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * scx_userspace's dispatch queues: a FIFO per CPU, then the priority queue, then the shared queue, both of these
 * in order of virtual time (ties in the order queued, so that a run is the same every time).
 */
final class DispatchQueues {

    /** A dispatched task and what its dispatch said. */
    record Entry(SimTask task, long vtime, long sliceNs, long order) {}

    private static final Comparator<Entry> BY_VTIME =
            Comparator.comparingLong(Entry::vtime).thenComparingLong(Entry::order);

    private final List<ArrayDeque<Entry>> local = new ArrayList<>();
    private final PriorityQueue<Entry> priority = new PriorityQueue<>(BY_VTIME);
    private final PriorityQueue<Entry> shared = new PriorityQueue<>(BY_VTIME);
    private long order;

    DispatchQueues(int cpus) {
        for (int i = 0; i < cpus; i++) {
            local.add(new ArrayDeque<>());
        }
    }

    void toCpu(int cpu, SimTask task, long sliceNs) {
        local.get(cpu).add(new Entry(task, task.vtime, sliceNs, order++));
    }

    void toPriority(SimTask task, long vtime, long sliceNs) {
        priority.add(new Entry(task, vtime, sliceNs, order++));
    }

    void toShared(SimTask task, long vtime, long sliceNs) {
        shared.add(new Entry(task, vtime, sliceNs, order++));
    }

    /**
     * What a free {@code cpu} runs next: its own queue first, then the priority queue, then the shared one; null
     * when all three are empty.
     */
    Entry take(int cpu) {
        Entry next = local.get(cpu).poll();
        if (next == null) {
            next = priority.poll();
        }
        if (next == null) {
            next = shared.poll();
        }
        return next;
    }
}
