package io.schedcp.slo.agent;

import io.schedcp.bpf.libbpf.BpfMap;
import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.bpf.libbpf.GlobalData;
import io.schedcp.slo.cgroup.ConfiguredGroup;
import io.schedcp.slo.maps.SloCfgCodec;
import io.schedcp.slo.maps.SloLayout;
import io.schedcp.slo.maps.SloStatsCodec;
import io.schedcp.slo.slot.SlotPlan;
import io.schedcp.slo.stats.GroupCounters;
import io.schedcp.slo.stats.StatsReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The maps of a loaded scx_slo, in the agent's terms: write the groups of a {@link SlotPlan} into
 * {@code cfg_map}, the default budget and the config generation into {@code .data}, and read the {@code stats} of the slots in use.
 */
final class SloMaps implements SloTarget {

    static final String DEFAULT_BUDGET = "default_budget_ns";
    static final String GENERATION = "cfg_gen";

    private final BpfMap cfg;
    private final BpfMap stats;
    private final GlobalData data;

    SloMaps(BpfObject loaded) {
        this.cfg = loaded.map("cfg_map");
        this.stats = loaded.map("stats");
        this.data = loaded.globals(".data");
    }

    @Override
    public void writeDefaultBudget(long budgetNs) {
        data.writeLong(DEFAULT_BUDGET, budgetNs);
    }

    /**
     * Applies {@code plan} in the order its documentation gives: removed groups leave {@code cfg_map}, the new
     * groups' slots are zeroed, then every group's entry is written; last the config generation is bumped, so
     * that tasks queued without sleeping (CPU hogs) look their group up again too.
     *
     * @param groups the groups of the plan's table, by cgroup id
     */
    @Override
    public void apply(SlotPlan plan, Map<Long, ConfiguredGroup> groups) {
        plan.removed().keySet().forEach(id -> cfg.delete(SloCfgCodec.cgroupKey(id)));
        byte[] zeros = new byte[stats.valueBufferSize()];
        plan.slotsToReset().forEach(slot -> stats.update(SloCfgCodec.slotKey(slot), zeros));
        write(plan.added(), groups);
        write(plan.kept(), groups);
        data.writeLong(GENERATION, data.readLong(GENERATION) + 1);
    }

    private void write(Map<Long, Integer> slots, Map<Long, ConfiguredGroup> groups) {
        slots.forEach((id, slot) -> {
            ConfiguredGroup group = groups.get(id);
            cfg.update(
                    SloCfgCodec.cgroupKey(id),
                    SloCfgCodec.value(
                            group.slo().budgetNs(),
                            group.slo().importance(),
                            group.slo().maxCpuPct(),
                            slot));
        });
    }

    /** The counters of slot 0 and of {@code slots}, summed over the CPUs; the other slots read as zero. */
    @Override
    public StatsReading read(Collection<Integer> slots) {
        Instant now = Instant.now();
        long monotonic = System.nanoTime();
        int highest = slots.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<GroupCounters> bySlot = new ArrayList<>(highest + 1);
        for (int slot = 0; slot <= highest; slot++) {
            bySlot.add(GroupCounters.ZERO);
        }
        bySlot.set(0, slot(0));
        slots.forEach(slot -> bySlot.set(slot, slot(slot)));
        return new StatsReading(now, monotonic, bySlot);
    }

    private GroupCounters slot(int slot) {
        if (slot < 0 || slot > SloLayout.MAX_GROUPS) {
            throw new IllegalArgumentException("no stats slot " + slot);
        }
        return stats.lookup(SloCfgCodec.slotKey(slot))
                .map(SloStatsCodec::sumPerCpu)
                .orElse(GroupCounters.ZERO);
    }
}
