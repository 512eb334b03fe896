package io.schedcp.slo.config;

import java.util.List;

/**
 * What scx_slo is told: the budget of tasks in no configured group, and the groups, in the order written.
 * Read one from a file with {@link SloConfigReader}.
 *
 * @param defaultBudgetNs the budget of tasks in no configured group, before the BPF side scales it by weight
 */
public record SloConfig(long defaultBudgetNs, List<SloGroup> groups) {

    public SloConfig {
        SloLimits.requireBudget("defaultBudgetNs", defaultBudgetNs);
        groups = List.copyOf(groups);
        if (groups.size() > SloLimits.MAX_GROUPS) {
            throw new IllegalArgumentException("at most " + SloLimits.MAX_GROUPS + " groups, not " + groups.size());
        }
    }
}
