package io.schedcp.slo.agent;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.slo.cgroup.Cgroup;
import io.schedcp.slo.cgroup.CgroupTree;
import io.schedcp.slo.cgroup.ConfiguredGroup;
import io.schedcp.slo.config.SloConfig;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.config.SloLimits;
import io.schedcp.slo.control.GroupChange;
import io.schedcp.slo.control.SloControl;
import io.schedcp.slo.slot.SlotPlan;
import io.schedcp.slo.slot.SlotTable;
import io.schedcp.slo.stats.RecentMisses;
import io.schedcp.slo.stats.SloStatus;
import io.schedcp.slo.stats.StatsReading;
import io.schedcp.slo.stats.StatusBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's state while scx_slo runs: the groups in force and their slots, applied to the scheduler's maps
 * when a config is loaded, when the file is edited, and when {@link #set} changes one group. Every change goes
 * through the same path: resolve the cgroups, plan the slots, write the maps. A change that does not resolve
 * is refused whole, and what ran before goes on.
 */
final class SloAgent implements SloControl {

    private final SloTarget target;
    private final CgroupTree tree;
    private final RecentMisses misses;
    private final int cpus;

    private long defaultBudgetNs = SloLimits.DEFAULT_BUDGET_NS;
    private List<ConfiguredGroup> groups = List.of();
    private SlotTable table = SlotTable.EMPTY;
    private Optional<StatsReading> older = Optional.empty();
    private Optional<StatsReading> newer = Optional.empty();

    SloAgent(SloTarget target, CgroupTree tree, RecentMisses misses, int cpus) {
        this.target = target;
        this.tree = tree;
        this.misses = misses;
        this.cpus = cpus;
    }

    /**
     * Puts {@code config} in force, replacing every group and any {@link #set} since.
     *
     * @throws SchedcpException INVALID_INPUT when a group's cgroup does not resolve; nothing changes then
     */
    synchronized void apply(SloConfig config) {
        install(config.defaultBudgetNs(), tree.resolve(config));
    }

    @Override
    public synchronized SloGroup set(GroupChange change) {
        Cgroup cgroup = tree.resolve(change.cgroup());
        List<ConfiguredGroup> next = new ArrayList<>(groups);
        int at = indexOf(cgroup.id());
        SloGroup group;
        if (at >= 0) {
            SloGroup old = next.get(at).slo();
            group = new SloGroup(
                    old.cgroup(),
                    change.budgetNs().orElse(old.budgetNs()),
                    change.importance().orElse(old.importance()),
                    change.maxCpuPct().orElse(old.maxCpuPct()),
                    old.origin());
            next.set(at, new ConfiguredGroup(group, cgroup));
        } else {
            if (change.budgetNs().isEmpty()) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "cgroup " + change.cgroup() + " is not configured yet, and a new group needs a budget; "
                                + "give one with --budget-ms");
            }
            if (next.size() >= SloLimits.MAX_GROUPS) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "scx_slo has " + SloLimits.MAX_GROUPS + " groups, the most it holds; remove one from "
                                + "the config before adding " + change.cgroup());
            }
            group = new SloGroup(
                    change.cgroup(),
                    change.budgetNs().getAsLong(),
                    change.importance().orElse(SloLimits.DEFAULT_IMPORTANCE),
                    change.maxCpuPct().orElse(SloLimits.DEFAULT_MAX_CPU_PCT),
                    Optional.empty());
            next.add(new ConfiguredGroup(group, cgroup));
        }
        install(defaultBudgetNs, next);
        return group;
    }

    @Override
    public synchronized SloStatus status() {
        StatsReading latest = target.read(table.slots().values());
        return StatusBuilder.status(latest, older.or(() -> newer), cpus, defaultBudgetNs, statusGroups(), misses);
    }

    /**
     * Takes a reading for the CPU shares: a status is over the interval from the older of the last two
     * samples, so that a status asked for just after a sample still covers about a sampling period.
     */
    synchronized void sample() {
        older = newer;
        newer = Optional.of(target.read(table.slots().values()));
    }

    synchronized List<ConfiguredGroup> groups() {
        return groups;
    }

    private void install(long budgetNs, List<ConfiguredGroup> next) {
        Map<Long, ConfiguredGroup> byId = new LinkedHashMap<>();
        next.forEach(g -> byId.put(g.cgroup().id(), g));
        SlotPlan plan = table.next(List.copyOf(byId.keySet()));
        target.writeDefaultBudget(budgetNs);
        target.apply(plan, byId);
        table = plan.table();
        defaultBudgetNs = budgetNs;
        groups = List.copyOf(next);
    }

    private int indexOf(long cgroupId) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).cgroup().id() == cgroupId) {
                return i;
            }
        }
        return -1;
    }

    private List<StatusBuilder.Group> statusGroups() {
        List<StatusBuilder.Group> named = new ArrayList<>(groups.size());
        for (ConfiguredGroup group : groups) {
            long id = group.cgroup().id();
            named.add(new StatusBuilder.Group(
                    group.slo().cgroup(),
                    id,
                    table.slotOf(id).orElseThrow(),
                    group.slo().budgetNs()));
        }
        return named;
    }
}
