package io.schedcp.slo.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a {@link SloStatus} from the latest reading, the one before it (for CPU shares), the groups and their
 * slots, and the recent misses.
 */
public final class StatusBuilder {

    /** A configured group as the status names it. */
    public record Group(String cgroup, long cgroupId, int slot, long budgetNs) {}

    private StatusBuilder() {}

    /**
     * @param previous the reading before {@code latest}, if any; without one no CPU share is given
     * @param cpus     the CPUs the scheduler runs on
     */
    public static SloStatus status(
            StatsReading latest,
            Optional<StatsReading> previous,
            int cpus,
            long defaultBudgetNs,
            List<Group> groups,
            RecentMisses misses) {
        long intervalNs =
                previous.map(p -> latest.monotonicNs() - p.monotonicNs()).orElse(0L);
        GroupStatus unconfigured =
                groupStatus(Optional.empty(), 0, 0, defaultBudgetNs, latest, previous, intervalNs, cpus);
        List<GroupStatus> statuses = new ArrayList<>(groups.size());
        for (Group group : groups) {
            statuses.add(groupStatus(
                    Optional.of(group.cgroup()),
                    group.cgroupId(),
                    group.slot(),
                    group.budgetNs(),
                    latest,
                    previous,
                    intervalNs,
                    cpus));
        }
        return new SloStatus(latest.takenAt(), Math.max(0, intervalNs), cpus, unconfigured, statuses, misses.latest());
    }

    private static GroupStatus groupStatus(
            Optional<String> cgroup,
            long cgroupId,
            int slot,
            long budgetNs,
            StatsReading latest,
            Optional<StatsReading> previous,
            long intervalNs,
            int cpus) {
        GroupCounters now = latest.slot(slot);
        long cpuNs = previous.map(p -> now.since(p.slot(slot)).cpuNs()).orElse(0L);
        return new GroupStatus(
                cgroup,
                cgroupId,
                slot,
                budgetNs,
                now.runs(),
                now.misses(),
                now.missRatio(),
                LatencyPercentiles.of(now.wakeToRun()),
                now.meanLatenessNs(),
                now.maxLatenessNs(),
                CpuShare.of(cpuNs, intervalNs, cpus),
                now.droppedEvents(),
                now.throttled());
    }
}
