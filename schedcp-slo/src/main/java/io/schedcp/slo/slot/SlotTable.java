package io.schedcp.slo.slot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which stats slot each configured cgroup has ({@code slo_cfg.slot}, its index in the per-CPU {@code stats}
 * array; slot 0 is the unconfigured tasks'). Immutable: {@link #next} plans a reload and carries the table
 * that follows it.
 *
 * <p>A cgroup that stays keeps its slot, so its counters go on. A freed slot goes to the back of the free
 * list and a new group takes the slot free longest: a task that was between waking and running during the
 * reload may still count into the slot it resolved before, and a slot not handed out again at once keeps such a
 * late count out of a new group's fresh counters.
 */
public final class SlotTable {

    public static final int MAX_SLOTS = 256;

    /** No groups yet: slots 1..256 free, handed out in order. */
    public static final SlotTable EMPTY = new SlotTable(Map.of(), freeInOrder());

    private final Map<Long, Integer> slotByCgroup;
    private final List<Integer> free;

    private SlotTable(Map<Long, Integer> slotByCgroup, List<Integer> free) {
        this.slotByCgroup = Collections.unmodifiableMap(new LinkedHashMap<>(slotByCgroup));
        this.free = List.copyOf(free);
    }

    /** The slot of the cgroup with id {@code cgroupId}, if it has one. */
    public OptionalInt slotOf(long cgroupId) {
        Integer slot = slotByCgroup.get(cgroupId);
        return slot == null ? OptionalInt.empty() : OptionalInt.of(slot);
    }

    /** Cgroup id to slot, in the order the groups were configured. */
    public Map<Long, Integer> slots() {
        return slotByCgroup;
    }

    /**
     * The slots of the cgroups {@code cgroupIds} (a config's groups, in order) after this table.
     *
     * @throws IllegalArgumentException when an id repeats or there are more than {@link #MAX_SLOTS}
     */
    public SlotPlan next(List<Long> cgroupIds) {
        if (cgroupIds.size() > MAX_SLOTS) {
            throw new IllegalArgumentException("at most " + MAX_SLOTS + " groups, not " + cgroupIds.size());
        }
        Set<Long> wanted = new HashSet<>(cgroupIds);
        if (wanted.size() != cgroupIds.size()) {
            throw new IllegalArgumentException("a cgroup id repeats in " + cgroupIds);
        }
        Map<Long, Integer> removed = new LinkedHashMap<>();
        ArrayDeque<Integer> freeNow = new ArrayDeque<>(free);
        slotByCgroup.forEach((id, slot) -> {
            if (!wanted.contains(id)) {
                removed.put(id, slot);
                freeNow.addLast(slot);
            }
        });
        Map<Long, Integer> slots = new LinkedHashMap<>();
        Map<Long, Integer> added = new LinkedHashMap<>();
        Map<Long, Integer> kept = new LinkedHashMap<>();
        for (long id : cgroupIds) {
            Integer slot = slotByCgroup.get(id);
            if (slot != null) {
                kept.put(id, slot);
            } else {
                slot = Objects.requireNonNull(freeNow.pollFirst(), "a free slot");
                added.put(id, slot);
            }
            slots.put(id, slot);
        }
        return new SlotPlan(new SlotTable(slots, new ArrayList<>(freeNow)), added, kept, removed);
    }

    private static List<Integer> freeInOrder() {
        List<Integer> slots = new ArrayList<>(MAX_SLOTS);
        for (int slot = 1; slot <= MAX_SLOTS; slot++) {
            slots.add(slot);
        }
        return slots;
    }

    @Override
    public String toString() {
        return "SlotTable" + slotByCgroup;
    }
}
