package io.schedcp.slo.agent;

import io.schedcp.slo.cgroup.ConfiguredGroup;
import io.schedcp.slo.slot.SlotPlan;
import io.schedcp.slo.stats.StatsReading;
import java.util.Collection;
import java.util.Map;

/** Where the agent's decisions go: the maps of the loaded scheduler ({@link SloMaps}), or a test's record. */
interface SloTarget {

    void writeDefaultBudget(long budgetNs);

    /**
     * Applies {@code plan}, and with it the default budget written before; {@code groups} are the plan's table's
     * groups by cgroup id.
     */
    void apply(SlotPlan plan, Map<Long, ConfiguredGroup> groups);

    /** The counters of slot 0 and of {@code slots}. */
    StatsReading read(Collection<Integer> slots);
}
