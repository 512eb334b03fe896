package io.schedcp.slo.control;

import io.schedcp.slo.config.SloLimits;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A change of one group of a running scx_slo: the fields given are set, the others kept (or, for a new group,
 * given their defaults).
 *
 * @param cgroup as in the config: absolute under the cgroup2 mount, or relative to it
 */
public record GroupChange(String cgroup, OptionalLong budgetNs, OptionalInt importance, OptionalInt maxCpuPct) {

    public GroupChange {
        Objects.requireNonNull(cgroup, "cgroup");
        if (cgroup.isBlank()) {
            throw new IllegalArgumentException("cgroup must not be blank");
        }
        Objects.requireNonNull(budgetNs, "budgetNs");
        Objects.requireNonNull(importance, "importance");
        Objects.requireNonNull(maxCpuPct, "maxCpuPct");
        budgetNs.ifPresent(b -> SloLimits.requireBudget("budgetNs", b));
        importance.ifPresent(
                i -> SloLimits.requireIn("importance", i, SloLimits.MIN_IMPORTANCE, SloLimits.MAX_IMPORTANCE));
        maxCpuPct.ifPresent(
                p -> SloLimits.requireIn("maxCpuPct", p, SloLimits.MIN_MAX_CPU_PCT, SloLimits.MAX_MAX_CPU_PCT));
        if (budgetNs.isEmpty() && importance.isEmpty() && maxCpuPct.isEmpty()) {
            throw new IllegalArgumentException(
                    "a change of " + cgroup + " sets at least one of budget, " + "importance and max CPU share");
        }
    }
}
