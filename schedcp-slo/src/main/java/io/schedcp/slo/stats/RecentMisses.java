package io.schedcp.slo.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The latest deadline misses, at most a set number: a ring that keeps each miss's fields in arrays, so that
 * taking an event from the ring buffer allocates nothing. Safe to add to from the reading thread while others
 * take {@link #latest()}.
 */
public final class RecentMisses {

    private final long[] cgroupIds;
    private final int[] pids;
    private final int[] cpus;
    private final long[] latenessNs;
    private final long[] timestampNs;
    private long received;

    public RecentMisses(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ring holds at least 1 miss, not " + capacity);
        }
        cgroupIds = new long[capacity];
        pids = new int[capacity];
        cpus = new int[capacity];
        latenessNs = new long[capacity];
        timestampNs = new long[capacity];
    }

    public int capacity() {
        return pids.length;
    }

    /** Keeps a miss, in place of the oldest when full. */
    public synchronized void add(long cgroupId, int pid, int cpu, long lateness, long timestamp) {
        int at = (int) (received % capacity());
        cgroupIds[at] = cgroupId;
        pids[at] = pid;
        cpus[at] = cpu;
        latenessNs[at] = lateness;
        timestampNs[at] = timestamp;
        received++;
    }

    /** How many misses were added in all, including those the ring no longer holds. */
    public synchronized long received() {
        return received;
    }

    /** The misses held, the newest first. */
    public synchronized List<MissEvent> latest() {
        int held = (int) Math.min(received, capacity());
        List<MissEvent> events = new ArrayList<>(held);
        for (int i = 1; i <= held; i++) {
            int at = (int) ((received - i) % capacity());
            events.add(new MissEvent(cgroupIds[at], pids[at], cpus[at], latenessNs[at], timestampNs[at]));
        }
        return events;
    }
}
