package io.schedcp.slo.stats;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One group's figures, for a front end to show or serialize. Counts run from when the group got its stats
 * slot; {@code cpuShare} is over the interval between the last two readings.
 *
 * @param cgroup         the cgroup as configured; empty for the tasks in no configured group
 * @param cgroupId       its id, 0 for the tasks in no configured group
 * @param slot           its index in the stats array, 0 for the tasks in no configured group
 * @param budgetNs       its budget (for the unconfigured tasks, the default budget before weight scaling)
 * @param missRatio      misses over runs, 0 before any run
 * @param wakeToRun      latency percentiles of the runs; empty before any run
 * @param meanLatenessNs the mean lateness of the misses, 0 before any miss
 * @param cpuShare       CPU time in the interval over the interval times the CPUs (0..1); empty without an
 *                       interval
 */
public record GroupStatus(
        Optional<String> cgroup,
        long cgroupId,
        int slot,
        long budgetNs,
        long runs,
        long misses,
        double missRatio,
        Optional<LatencyPercentiles> wakeToRun,
        long meanLatenessNs,
        long maxLatenessNs,
        OptionalDouble cpuShare,
        long droppedEvents,
        long throttled) {

    public GroupStatus {
        Objects.requireNonNull(cgroup, "cgroup");
        Objects.requireNonNull(wakeToRun, "wakeToRun");
        Objects.requireNonNull(cpuShare, "cpuShare");
    }
}
