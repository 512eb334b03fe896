package io.schedcp.slo.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The counters of every slot at one time.
 *
 * @param monotonicNs when it was taken, on a monotonic clock ({@code System.nanoTime}), for intervals
 * @param bySlot      slot 0 (the unconfigured tasks) to 256, each summed over the CPUs
 */
public record StatsReading(Instant takenAt, long monotonicNs, List<GroupCounters> bySlot) {

    public StatsReading {
        Objects.requireNonNull(takenAt, "takenAt");
        bySlot = List.copyOf(bySlot);
    }

    /** The counters of {@code slot}; zero for a slot the reading does not hold. */
    public GroupCounters slot(int slot) {
        return slot < bySlot.size() ? bySlot.get(slot) : GroupCounters.ZERO;
    }
}
