package io.schedcp.userspace.strategy;

import io.schedcp.api.policy.QueuedTask;
import java.util.Arrays;

/**
 * Which strategy each pid matched, in primitive arrays with open addressing, so that a hit allocates nothing. An
 * entry holds for as long as the task's command and cgroup are those it was found with: an exec or a move to
 * another cgroup makes the task look again. The owner {@linkplain #clear() clears} it when the book changes. When
 * it fills up it starts over rather than evicting: pids of exited tasks are never removed otherwise.
 */
final class MatchCache {

    /** What {@link #get} returns for a task it does not know. */
    static final int MISS = -2;
    /** The result of a task that no strategy matches. */
    static final int NO_MATCH = -1;

    private static final int COMM_LEN = 16;

    private final int mask;
    private final int limit;
    private final int[] pids;
    private final int[] results;
    private final long[] cgroups;
    private final byte[] commLengths;
    private final char[] comms;
    private int size;

    /** @param capacity a power of two */
    MatchCache(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("a match cache's capacity is a power of two, not " + capacity);
        }
        mask = capacity - 1;
        limit = capacity / 4 * 3;
        pids = new int[capacity];
        results = new int[capacity];
        cgroups = new long[capacity];
        commLengths = new byte[capacity];
        comms = new char[capacity * COMM_LEN];
    }

    /** The cached result of {@code task}, or {@link #MISS}. */
    int get(QueuedTask task) {
        int pid = task.pid();
        if (pid <= 0) {
            return MISS;
        }
        for (int slot = slot(pid); pids[slot] != 0; slot = (slot + 1) & mask) {
            if (pids[slot] == pid) {
                return cgroups[slot] == task.cgroupId() && sameComm(slot, task.comm()) ? results[slot] : MISS;
            }
        }
        return MISS;
    }

    /** Remembers {@code result} for {@code task}, as its command and cgroup are now. */
    void put(QueuedTask task, int result) {
        int pid = task.pid();
        CharSequence comm = task.comm();
        if (pid <= 0 || comm.length() > COMM_LEN) {
            return;
        }
        int slot = slot(pid);
        while (pids[slot] != 0 && pids[slot] != pid) {
            slot = (slot + 1) & mask;
        }
        if (pids[slot] == 0) {
            if (size == limit) {
                clear();
                put(task, result);
                return;
            }
            size++;
            pids[slot] = pid;
        }
        results[slot] = result;
        cgroups[slot] = task.cgroupId();
        commLengths[slot] = (byte) comm.length();
        for (int i = 0; i < comm.length(); i++) {
            comms[slot * COMM_LEN + i] = comm.charAt(i);
        }
    }

    void clear() {
        Arrays.fill(pids, 0);
        size = 0;
    }

    int size() {
        return size;
    }

    private boolean sameComm(int slot, CharSequence comm) {
        if (commLengths[slot] != comm.length()) {
            return false;
        }
        for (int i = 0; i < comm.length(); i++) {
            if (comms[slot * COMM_LEN + i] != comm.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int slot(int pid) {
        // Pids come in runs; spreading them keeps the probes short.
        return (pid * 0x9E3779B9) >>> 7 & mask;
    }
}
