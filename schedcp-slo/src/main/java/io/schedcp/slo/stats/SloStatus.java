package io.schedcp.slo.stats;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What scx_slo reports at one time: each configured group's figures, those of the tasks in no configured
 * group, and the most recent misses (newest first). Records, lists and optionals only, so that a CLI's JSON,
 * an MCP tool's result and a REST API can serialize it as it is.
 *
 * @param intervalNs the time between the two readings the CPU shares are over; 0 when there was one reading
 * @param cpus       the CPUs the shares are of
 */
public record SloStatus(
        Instant takenAt,
        long intervalNs,
        int cpus,
        GroupStatus unconfigured,
        List<GroupStatus> groups,
        List<MissEvent> recentMisses) {

    public SloStatus {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(unconfigured, "unconfigured");
        groups = List.copyOf(groups);
        recentMisses = List.copyOf(recentMisses);
    }
}
