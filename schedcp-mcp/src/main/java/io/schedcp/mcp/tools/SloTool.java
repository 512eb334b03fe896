package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.number;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.config.SloLimits;
import io.schedcp.slo.control.GroupChange;
import io.schedcp.slo.control.SloControl;
import io.schedcp.slo.stats.GroupStatus;
import io.schedcp.slo.stats.SloStatus;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code slo}: the figures of the scx_slo another process runs ({@code status}), and one of its groups changed
 * while it schedules ({@code set}), through the agent's socket.
 */
final class SloTool implements McpTool {

    private static final JsonSchema INPUT = object("The action and its arguments.")
            .required(
                    "action",
                    string("status reads every group's figures; set changes one group.")
                            .oneOf("status", "set"))
            .optional(
                    "cgroup",
                    string("With set: the cgroup as the config names it, absolute under the cgroup2 mount or "
                            + "relative to it, such as 'lat'."))
            .optional(
                    "budget_ms",
                    number("With set: how soon after waking the group's tasks must run, from "
                            + SloLimits.budgetRangeMs() + "; a new group needs one."))
            .optional(
                    "importance",
                    integer("With set: which group runs first between close deadlines, from " + SloLimits.MIN_IMPORTANCE
                            + " to " + SloLimits.MAX_IMPORTANCE + "."))
            .optional(
                    "max_cpu_pct",
                    integer("With set: the group's most share of all CPUs, from " + SloLimits.MIN_MAX_CPU_PCT + " to "
                            + SloLimits.MAX_MAX_CPU_PCT + " (100: no cap)."))
            .closed();

    private static final JsonSchema OUTPUT = object("What the action gave.")
            .required("action", string("The action done."))
            .optional(
                    "status",
                    object("With status: taken_at, interval_ns, cpus, unconfigured (the tasks in no configured "
                            + "group), groups (each: cgroup, cgroup_id, slot, budget_ns, runs, misses, miss_ratio, "
                            + "wake_to_run {p50_ns, p99_ns, p999_ns}, mean_lateness_ns, max_lateness_ns, cpu_share "
                            + "(0..1), dropped_events, throttled), and recent_misses, newest first (each: "
                            + "cgroup_id, pid, cpu, lateness_ns, timestamp_ns)."))
            .optional(
                    "group",
                    object("With set: the group as now applied: cgroup, budget_ns, importance, max_cpu_pct, and "
                            + "origin where the config file set it."));

    /** The result. */
    record Outcome(String action, Optional<SloStatus> status, Optional<SloGroup> group) {}

    private final SloControl control;

    SloTool(SloControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "slo";
    }

    @Override
    public String description() {
        return "Read and tune scx_slo, the scheduler with per-cgroup latency budgets, while it runs in another "
                + "process (started with run_scheduler, or 'schedcp run scx_slo -- --config FILE'). status gives "
                + "each configured group's and the unconfigured tasks' runs, misses, wake-to-run percentiles, "
                + "lateness and CPU share, and the latest misses. set {cgroup, budget_ms?, importance?, "
                + "max_cpu_pct?} changes one group at once, without a restart (a new cgroup needs budget_ms); the "
                + "change holds until the config file is edited again. Fails as unavailable when no scx_slo runs.";
    }

    @Override
    public JsonSchema input() {
        return INPUT;
    }

    @Override
    public JsonSchema output() {
        return OUTPUT;
    }

    @Override
    public boolean changesHost() {
        return true;
    }

    @Override
    public ToolResult call(ToolArguments arguments, ToolProgress progress) {
        String action = arguments.string("action");
        if (action.equals("status")) {
            SloStatus status = control.status();
            return ToolResult.of(new Outcome(action, Optional.of(status), Optional.empty()), text(status));
        }
        SloGroup group = control.set(change(arguments));
        return ToolResult.of(
                new Outcome(action, Optional.empty(), Optional.of(group)),
                group.cgroup() + " now has a budget of " + milliseconds(group.budgetNs()) + " ms, importance "
                        + group.importance() + " and a cap of " + group.maxCpuPct() + " % of the CPUs.");
    }

    /** The change the arguments ask for, every value checked before anything is connected. */
    private static GroupChange change(ToolArguments arguments) {
        String cgroup = arguments.string("cgroup");
        if (cgroup.isBlank()) {
            throw invalid("slo's argument 'cgroup' is blank; give the cgroup as the config names it, such as 'lat'");
        }
        Optional<Double> budgetMs = arguments.optionalNumber("budget_ms");
        Optional<Long> importance = arguments.optionalInteger("importance");
        Optional<Long> maxCpuPct = arguments.optionalInteger("max_cpu_pct");
        if (budgetMs.isEmpty() && importance.isEmpty() && maxCpuPct.isEmpty()) {
            throw invalid("slo's set needs at least one of budget_ms, importance and max_cpu_pct, such as "
                    + "{\"action\": \"set\", \"cgroup\": \"" + cgroup + "\", \"budget_ms\": 2}");
        }
        return new GroupChange(
                cgroup,
                budgetMs.map(ms -> OptionalLong.of(budgetNs(ms))).orElse(OptionalLong.empty()),
                importance
                        .map(i -> OptionalInt.of(
                                within("importance", i, SloLimits.MIN_IMPORTANCE, SloLimits.MAX_IMPORTANCE)))
                        .orElse(OptionalInt.empty()),
                maxCpuPct
                        .map(p -> OptionalInt.of(
                                within("max_cpu_pct", p, SloLimits.MIN_MAX_CPU_PCT, SloLimits.MAX_MAX_CPU_PCT)))
                        .orElse(OptionalInt.empty()));
    }

    /** {@code ms} in whole nanoseconds (1.5 is 1500000), if within the budget's range. */
    private static long budgetNs(double ms) {
        OptionalLong ns = Double.isFinite(ms) ? SloLimits.budgetNs(BigDecimal.valueOf(ms)) : OptionalLong.empty();
        if (ns.isPresent()) {
            return ns.getAsLong();
        }
        throw invalid("slo's argument 'budget_ms' is " + ms + ", out of range: give a budget from "
                + SloLimits.budgetRangeMs());
    }

    private static int within(String argument, long value, int min, int max) {
        if (!SloLimits.within(value, min, max)) {
            throw invalid("slo's argument '" + argument + "' is " + value + ", out of range: give it a value from "
                    + min + " to " + max);
        }
        return (int) value;
    }

    private static String text(SloStatus status) {
        StringBuilder text = new StringBuilder();
        text.append("scx_slo at ")
                .append(status.takenAt())
                .append(", ")
                .append(status.cpus())
                .append(" CPUs: ")
                .append(status.groups().size())
                .append(" configured group(s), ")
                .append(status.recentMisses().size())
                .append(" recent miss(es).");
        status.groups().forEach(g -> text.append("\n- ").append(line(g)));
        text.append("\n- ").append(line(status.unconfigured()));
        return text.toString();
    }

    private static String line(GroupStatus group) {
        StringBuilder line = new StringBuilder(group.cgroup().orElse("(unconfigured)"));
        line.append(": budget ")
                .append(milliseconds(group.budgetNs()))
                .append(" ms, ")
                .append(group.runs())
                .append(" runs, ")
                .append(group.misses())
                .append(String.format(Locale.ROOT, " misses (%.2f %%)", group.missRatio() * 100));
        group.wakeToRun()
                .ifPresent(p -> line.append(String.format(
                        Locale.ROOT, ", wake-to-run p50 %d µs, p99 %d µs", p.p50Ns() / 1000, p.p99Ns() / 1000)));
        group.cpuShare().ifPresent(share -> line.append(String.format(Locale.ROOT, ", CPU %.1f %%", share * 100)));
        return line.toString();
    }

    private static String milliseconds(long ns) {
        return BigDecimal.valueOf(ns).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
