package io.schedcp.slo.stats;

import java.util.Objects;

/**
 * One group's counters, as scx_slo's {@code struct slo_stats} holds them (summed over CPUs), all counting
 * from when the group got its slot.
 *
 * @param runs            wake-ups that got to run
 * @param misses          of those, how many ran after their deadline
 * @param totalLatenessNs the lateness of all misses together
 * @param maxLatenessNs   the latest a miss ran
 * @param cpuNs           CPU time the group's tasks ran
 * @param droppedEvents   misses not sent as events (the rate limit or a full ring buffer)
 * @param throttled       enqueues pushed back because the group was over its max_cpu_pct
 * @param wakeToRun       the latency histogram of the runs
 */
public record GroupCounters(
        long runs,
        long misses,
        long totalLatenessNs,
        long maxLatenessNs,
        long cpuNs,
        long droppedEvents,
        long throttled,
        LatencyHistogram wakeToRun) {

    public static final GroupCounters ZERO = new GroupCounters(0, 0, 0, 0, 0, 0, 0, LatencyHistogram.empty());

    public GroupCounters {
        Objects.requireNonNull(wakeToRun, "wakeToRun");
    }

    /** Two CPUs' counters together: the sum of each, and the larger maximum. */
    public GroupCounters plus(GroupCounters other) {
        return new GroupCounters(
                runs + other.runs,
                misses + other.misses,
                totalLatenessNs + other.totalLatenessNs,
                Math.max(maxLatenessNs, other.maxLatenessNs),
                cpuNs + other.cpuNs,
                droppedEvents + other.droppedEvents,
                throttled + other.throttled,
                wakeToRun.plus(other.wakeToRun));
    }

    /**
     * What was counted after {@code earlier}, a reading of the same slot taken before. A maximum cannot be
     * taken apart, so the growth keeps this reading's {@code maxLatenessNs} (since the slot was given). When a
     * counter went back, the slot was reset in between (a reload gave it to a group anew), and this reading is
     * all growth.
     */
    public GroupCounters since(GroupCounters earlier) {
        if (runs < earlier.runs
                || misses < earlier.misses
                || cpuNs < earlier.cpuNs
                || totalLatenessNs < earlier.totalLatenessNs
                || droppedEvents < earlier.droppedEvents
                || throttled < earlier.throttled
                || wakeToRun.total() < earlier.wakeToRun.total()) {
            return this;
        }
        return new GroupCounters(
                runs - earlier.runs,
                misses - earlier.misses,
                totalLatenessNs - earlier.totalLatenessNs,
                maxLatenessNs,
                cpuNs - earlier.cpuNs,
                droppedEvents - earlier.droppedEvents,
                throttled - earlier.throttled,
                wakeToRun.since(earlier.wakeToRun));
    }

    /** Misses over runs; 0 before any run. */
    public double missRatio() {
        return runs == 0 ? 0 : (double) misses / runs;
    }

    /** The mean lateness of the misses, rounded to the ns; 0 before any miss. */
    public long meanLatenessNs() {
        return misses == 0 ? 0 : Math.round((double) totalLatenessNs / misses);
    }
}
