package io.schedcp.cli;

import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.stats.GroupStatus;
import io.schedcp.slo.stats.LatencyPercentiles;
import io.schedcp.slo.stats.MissEvent;
import io.schedcp.slo.stats.SloStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** scx_slo's status and groups as {@code schedcp slo} prints them. */
final class SloText {

    /** How many of the latest misses the table shows; {@code --json} has them all. */
    static final int MISSES_SHOWN = 10;

    static final String UNCONFIGURED = "(unconfigured)";

    private SloText() {}

    /** The heading, a row per configured group and one for the unconfigured tasks, then the latest misses. */
    static String status(SloStatus status) {
        StringBuilder text = new StringBuilder();
        text.append("scx_slo at ")
                .append(status.takenAt())
                .append(", ")
                .append(status.cpus())
                .append(" CPUs; CPU shares over ")
                .append(status.intervalNs() > 0 ? String.format(Locale.ROOT, "%.1f s", status.intervalNs() / 1e9) : "-")
                .append("\n\n");
        TextTable groups = new TextTable(
                "CGROUP",
                "BUDGET ms",
                "RUNS",
                "MISSES",
                "MISS %",
                "P50 µs",
                "P99 µs",
                "P99.9 µs",
                "MEAN LATE µs",
                "MAX LATE µs",
                "CPU %",
                "DROPPED",
                "THROTTLED");
        status.groups().forEach(g -> groups.add(row(g)));
        groups.add(row(status.unconfigured()));
        text.append(groups.render());
        text.append('\n').append(misses(status));
        return text.toString();
    }

    private static String[] row(GroupStatus group) {
        return new String[] {
            name(group),
            milliseconds(group.budgetNs()),
            Long.toString(group.runs()),
            Long.toString(group.misses()),
            String.format(Locale.ROOT, "%.2f", group.missRatio() * 100),
            percentile(group, LatencyPercentiles::p50Ns),
            percentile(group, LatencyPercentiles::p99Ns),
            percentile(group, LatencyPercentiles::p999Ns),
            group.misses() == 0 ? "-" : microseconds(group.meanLatenessNs()),
            group.misses() == 0 ? "-" : microseconds(group.maxLatenessNs()),
            group.cpuShare().isPresent()
                    ? String.format(Locale.ROOT, "%.1f", group.cpuShare().getAsDouble() * 100)
                    : "-",
            Long.toString(group.droppedEvents()),
            Long.toString(group.throttled())
        };
    }

    private static String misses(SloStatus status) {
        List<MissEvent> misses = status.recentMisses();
        if (misses.isEmpty()) {
            return "recent misses: none\n";
        }
        Map<Long, String> names = new HashMap<>();
        status.groups().forEach(g -> names.put(g.cgroupId(), name(g)));
        names.put(0L, UNCONFIGURED);
        LongFunction<String> cgroup = id -> names.getOrDefault(id, "cgroup id " + id);
        TextTable table = new TextTable("CGROUP", "PID", "CPU", "LATE µs");
        misses.stream()
                .limit(MISSES_SHOWN)
                .forEach(m -> table.add(
                        cgroup.apply(m.cgroupId()),
                        Integer.toString(m.pid()),
                        Integer.toString(m.cpu()),
                        microseconds(m.latenessNs())));
        String more = misses.size() > MISSES_SHOWN
                ? (misses.size() - MISSES_SHOWN) + " older ones: --json has them all\n"
                : "";
        return "recent misses, newest first:\n" + table.render() + more;
    }

    private static String name(GroupStatus group) {
        return group.cgroup().orElse(UNCONFIGURED);
    }

    /** One of the group's wake-to-run percentiles in µs, or {@code -} before its first run. */
    private static String percentile(GroupStatus group, ToLongFunction<LatencyPercentiles> which) {
        return group.wakeToRun().map(p -> microseconds(which.applyAsLong(p))).orElse("-");
    }

    /** A group as applied: {@code lat: budget 2 ms, importance 10, max CPU 80 %}. */
    static String group(SloGroup group) {
        return group.cgroup() + ": budget " + milliseconds(group.budgetNs()) + " ms, importance " + group.importance()
                + ", max CPU " + group.maxCpuPct() + " %";
    }

    /** Nanoseconds as milliseconds, as exact as they are: 1500000 is {@code 1.5}, 20000000 is {@code 20}. */
    static String milliseconds(long ns) {
        return BigDecimal.valueOf(ns).movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /** Nanoseconds as whole microseconds, rounded. */
    static String microseconds(long ns) {
        return Long.toString(Math.round(ns / 1000.0));
    }
}
