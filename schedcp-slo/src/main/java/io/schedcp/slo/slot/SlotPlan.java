package io.schedcp.slo.slot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a reload does to the slots, each map from cgroup id to slot. The agent applies it in this order:
 * delete the {@code removed} cgroups from {@code cfg_map}; zero the stats of {@link #slotsToReset()}, which may
 * hold a former group's counts; write the {@code cfg_map} entries of {@code added} and {@code kept} (a kept
 * group's budget may have changed); then hold {@code table} as the current table.
 */
public record SlotPlan(SlotTable table, Map<Long, Integer> added, Map<Long, Integer> kept, Map<Long, Integer> removed) {

    public SlotPlan {
        Objects.requireNonNull(table, "table");
        added = ordered(added);
        kept = ordered(kept);
        removed = ordered(removed);
    }

    /** The slots new groups take, whose counters must start from zero. */
    public List<Integer> slotsToReset() {
        return List.copyOf(added.values());
    }

    private static Map<Long, Integer> ordered(Map<Long, Integer> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
