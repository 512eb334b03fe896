package io.schedcp.slo.agent;

import io.schedcp.slo.cgroup.ConfiguredGroup;
import io.schedcp.slo.slot.SlotPlan;
import io.schedcp.slo.stats.GroupCounters;
import io.schedcp.slo.stats.LatencyHistogram;
import io.schedcp.slo.stats.StatsReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stand-in for scx_slo's maps: keeps cfg_map as a map, and counts runs a test gives a slot. */
final class RecordingTarget implements SloTarget {

    record Entry(long budgetNs, int importance, int maxCpuPct, int slot) {}

    final Map<Long, Entry> cfg = new HashMap<>();
    final Map<Integer, Long> runsBySlot = new HashMap<>();
    final List<Integer> resets = new ArrayList<>();
    long defaultBudgetNs;
    long clockNs = 1_000_000_000L;

    @Override
    public void writeDefaultBudget(long budgetNs) {
        defaultBudgetNs = budgetNs;
    }

    @Override
    public void apply(SlotPlan plan, Map<Long, ConfiguredGroup> groups) {
        plan.removed().keySet().forEach(cfg::remove);
        plan.slotsToReset().forEach(slot -> {
            resets.add(slot);
            runsBySlot.remove(slot);
        });
        plan.table().slots().forEach((id, slot) -> {
            ConfiguredGroup group = groups.get(id);
            cfg.put(
                    id,
                    new Entry(
                            group.slo().budgetNs(),
                            group.slo().importance(),
                            group.slo().maxCpuPct(),
                            slot));
        });
    }

    @Override
    public StatsReading read(Collection<Integer> slots) {
        clockNs += 1_000_000_000L;
        List<GroupCounters> bySlot = new ArrayList<>();
        int highest = slots.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int slot = 0; slot <= highest; slot++) {
            long runs = runsBySlot.getOrDefault(slot, 0L);
            bySlot.add(new GroupCounters(runs, 0, 0, 0, runs * 1000, 0, 0, LatencyHistogram.empty()));
        }
        return new StatsReading(Instant.EPOCH.plusNanos(clockNs), clockNs, bySlot);
    }
}
