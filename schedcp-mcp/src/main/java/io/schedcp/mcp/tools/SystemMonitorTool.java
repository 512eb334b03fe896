package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.monitor.MonitorInfo;
import io.schedcp.core.monitor.MonitorSummary;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.monitor.SystemMonitor;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code system_monitor}: starts a system monitor, or stops one and returns its summary. At most
 * {@link #MAX_RUNNING} run at once: each samples /proc on its own, and a client that forgets to stop them
 * would otherwise load the host it means to watch.
 */
final class SystemMonitorTool implements McpTool {

    /** How many monitors one server runs at once. */
    static final int MAX_RUNNING = 4;

    private static final JsonSchema INPUT = object("What to do.")
            .required(
                    "command",
                    string("start a monitor, or stop one and get its summary.").oneOf("start", "stop"))
            .optional(
                    "interval_ms",
                    integer("With start: milliseconds between samples (default 1000, at least " + "100)."))
            .optional(
                    "monitor_id",
                    string("With stop: the id start returned; may be left out while only one " + "monitor runs."))
            .closed();

    private static final JsonSchema OUTPUT = object("The monitor started, or the summary of the one stopped.")
            .required("monitor_id", string("The monitor's id."))
            .required("command", string("What was done: start or stop."))
            .optional("interval_ms", integer("Its interval."))
            .optional(
                    "summary",
                    object("With stop: the window's figures: cpu_percent (min/avg/max), "
                            + "cpu_percent_by_cpu, memory, sched_stat (running and waiting time per CPU, timeslices and "
                            + "rates), pressure (CPU pressure), sched_ext (state and event counts over the window), "
                            + "sample_count, seconds and overhead_cpu_percent (the monitor's own cost)."));

    /** The result. */
    record Outcome(String monitorId, String command, Optional<Long> intervalMs, Optional<MonitorSummary> summary) {}

    private final Monitors monitors;

    SystemMonitorTool(Monitors monitors) {
        this.monitors = monitors;
    }

    @Override
    public String name() {
        return "system_monitor";
    }

    @Override
    public String description() {
        return "Watch the system: 'start' begins sampling CPU use (overall and per CPU), memory, /proc/schedstat "
                + "(time running and waiting to run), CPU pressure and the sched_ext state and events, and returns "
                + "a monitor id; 'stop' ends it and returns the summary (averages, minimum, maximum, totals and "
                + "rates over the window). Up to " + MAX_RUNNING
                + " monitors may run at once. Changes nothing on the host.";
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
        return false;
    }

    @Override
    public ToolResult call(ToolArguments arguments, ToolProgress progress) {
        if (arguments.string("command").equals("start")) {
            long interval = arguments.optionalInteger("interval_ms").orElse(SystemMonitor.DEFAULT_INTERVAL.toMillis());
            String id = start(Duration.ofMillis(interval));
            return ToolResult.of(
                    new Outcome(id, "start", Optional.of(interval), Optional.empty()),
                    "Started monitor " + id + " (a sample every " + interval + " ms); stop it with system_monitor "
                            + "{\"command\": \"stop\", \"monitor_id\": \"" + id + "\"}.");
        }
        String id = arguments.optionalString("monitor_id").orElseGet(this::onlyRunning);
        MonitorSummary summary = monitors.stop(id);
        return ToolResult.of(
                new Outcome(id, "stop", Optional.of(summary.intervalMillis()), Optional.of(summary)),
                String.format(
                        Locale.ROOT,
                        "Monitor %s: %d samples over %.1f s; CPU %.1f%% on average (max %.1f%%); "
                                + "the monitor itself used %.2f%% of one CPU.",
                        id,
                        summary.sampleCount(),
                        summary.seconds(),
                        summary.cpuPercent().avg(),
                        summary.cpuPercent().max(),
                        summary.overheadCpuPercent()));
    }

    private synchronized String start(Duration interval) {
        List<MonitorInfo> running = monitors.list();
        if (running.size() >= MAX_RUNNING) {
            String ids = running.stream().map(MonitorInfo::id).collect(Collectors.joining(", "));
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "cannot start another monitor: " + running.size()
                            + " run already (" + ids
                            + "), the most this server runs at once; stop one with system_monitor "
                            + "{\"command\": \"stop\", \"monitor_id\": \""
                            + running.get(0).id() + "\"} and start again");
        }
        return monitors.start(interval);
    }

    private String onlyRunning() {
        List<MonitorInfo> running = monitors.list();
        if (running.size() != 1) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    running.isEmpty()
                            ? "no monitor is running; start one with system_monitor {\"command\": \"start\"}"
                            : "several monitors run ("
                                    + running.stream().map(MonitorInfo::id).toList()
                                    + "); say which to stop with monitor_id");
        }
        return running.get(0).id();
    }
}
