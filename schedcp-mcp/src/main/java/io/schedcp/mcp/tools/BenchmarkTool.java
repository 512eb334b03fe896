package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.bench.BenchResult;
import io.schedcp.core.bench.BenchRun;
import io.schedcp.core.bench.BenchRunner;
import io.schedcp.core.bench.Comparison;
import io.schedcp.core.bench.ComparisonText;
import io.schedcp.core.bench.SystemRunMonitor;
import io.schedcp.core.bench.WorkloadRecorder;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.util.List;
import java.util.Optional;

/** {@code benchmark}: a command run under several schedulers, compared, and recorded in a workload's history. */
final class BenchmarkTool implements McpTool {

    private static final JsonSchema INPUT = object("What to compare.")
            .required("workload_id", string("The workload whose history gets the runs (see the workload tool)."))
            .required(
                    "schedulers",
                    arrayOf(
                            string(""),
                            "Schedulers to compare, in order; 'default' is the "
                                    + "kernel's own scheduler, such as [\"default\", \"scx_simple\"]."))
            .required(
                    "command",
                    arrayOf(
                            string(""),
                            "The benchmark command and its arguments, such as "
                                    + "[\"hackbench\", \"-g\", \"4\", \"-l\", \"1000\"]."))
            .optional(
                    "runs",
                    integer("Runs per scheduler (default " + BenchPlan.DEFAULT_RUNS + ", at most " + BenchPlan.MAX_RUNS
                            + ")."))
            .closed();

    private static final JsonSchema OUTPUT = object("Every run and the comparison.")
            .required("workload_id", string("The workload the runs were recorded for."))
            .required(
                    "runs",
                    arrayOf(
                            object("One run: scheduler, run, start, end, metrics, failure, output, " + "history_id."),
                            "Every run, in order."))
            .required(
                    "comparison",
                    object("baseline, metrics, and per scheduler rows of means, ratios to the "
                            + "baseline, advantages and failures."))
            .required("table", string("The comparison as a text table."));

    /** The result. */
    record Benchmarked(String workloadId, List<BenchRun> runs, Comparison comparison, String table) {}

    private final SchedulerManager manager;
    private final WorkloadStore store;
    private final Monitors monitors;

    BenchmarkTool(SchedulerManager manager, WorkloadStore store, Monitors monitors) {
        this.manager = manager;
        this.store = store;
        this.monitors = monitors;
    }

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String description() {
        return "Compare schedulers on a benchmark command: for each scheduler ('default' is the kernel's own) start "
                + "it and have the kernel confirm it, run the command 'runs' times with the system monitor on, stop "
                + "it and confirm the kernel is back. Reads hackbench, cyclictest, stress-ng, schbench and time(1) "
                + "output into metrics, records every run in the workload's history, and returns each scheduler's "
                + "ratio to the default. Failures are recorded with their reason and the benchmark goes on. "
                + "Reports progress. Needs root to load schedulers.";
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
    public ToolResult call(ToolArguments arguments, ToolProgress progress) throws InterruptedException {
        String workload = arguments.string("workload_id");
        store.require(workload);
        BenchPlan plan = BenchPlan.of(workload, arguments.strings("schedulers"), arguments.strings("command"));
        Optional<Long> runs = arguments.optionalInteger("runs");
        if (runs.isPresent()) {
            // Clamped, not cast: a huge count must be refused as out of range, not wrap around into it.
            plan = plan.withRuns((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, runs.get())));
        }
        BenchResult result = new BenchRunner(manager, new SystemRunMonitor(monitors), new WorkloadRecorder(store))
                .run(plan, step -> progress.report(step.line()));
        String table = ComparisonText.render(result.comparison());
        return ToolResult.of(new Benchmarked(workload, result.runs(), result.comparison(), table), table);
    }
}
