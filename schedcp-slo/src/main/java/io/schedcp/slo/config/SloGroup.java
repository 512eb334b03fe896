package io.schedcp.slo.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One configured group: the tasks of {@code cgroup} (and of the cgroups below it) are promised to start running
 * within {@code budgetNs} of waking up.
 *
 * @param cgroup     as written: absolute under the cgroup2 mount, or relative to it
 * @param importance 0..100: the BPF side moves the group's tasks 10 µs ahead in the queue per point, so between
 *                   close deadlines the more important runs first
 * @param maxCpuPct  1..100: the group's most share of all CPUs; 100 is no cap
 * @param origin     where the config file set it; empty for a group made in code
 */
public record SloGroup(String cgroup, long budgetNs, int importance, int maxCpuPct, Optional<ConfigOrigin> origin) {

    public SloGroup {
        Objects.requireNonNull(cgroup, "cgroup");
        if (cgroup.isBlank()) {
            throw new IllegalArgumentException("cgroup must not be blank");
        }
        SloLimits.requireBudget("budgetNs", budgetNs);
        SloLimits.requireIn("importance", importance, SloLimits.MIN_IMPORTANCE, SloLimits.MAX_IMPORTANCE);
        SloLimits.requireIn("maxCpuPct", maxCpuPct, SloLimits.MIN_MAX_CPU_PCT, SloLimits.MAX_MAX_CPU_PCT);
        Objects.requireNonNull(origin, "origin");
    }

    /** The start of a message about this group: {@code "slo.yaml line 4: "}, or nothing when made in code. */
    public String messagePrefix() {
        return origin.map(o -> o + ": ").orElse("");
    }
}
