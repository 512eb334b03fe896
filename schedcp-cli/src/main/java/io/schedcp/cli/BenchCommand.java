package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.bench.BenchResult;
import io.schedcp.core.bench.BenchRunner;
import io.schedcp.core.bench.ComparisonChart;
import io.schedcp.core.bench.ComparisonText;
import io.schedcp.core.bench.WorkloadRecorder;
import io.schedcp.core.monitor.SystemMonitor;
import io.schedcp.core.store.AtomicFiles;
import io.schedcp.core.store.WriteTarget;
import io.schedcp.core.workload.WorkloadStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp bench}: a command run under several schedulers, compared, and recorded in a workload's history. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Compare schedulers on a benchmark command, and record every run in a workload's history.",
            "For each scheduler ('default' is the kernel's own) schedcp starts it and has the kernel confirm",
            "it, runs the command --runs times with the system monitor on, then stops it and has the kernel",
            "confirm it is back. It reads hackbench, cyclictest, stress-ng, schbench and time(1) output into",
            "metrics, prints a table with each scheduler's ratio to the default, and writes an SVG chart.",
            "A scheduler that fails or is ejected is recorded as failed, with its reason; the bench goes on.",
            "Example: schedcp bench --workload w-1a2b3c4d --schedulers default,scx_simple -- hackbench -l 500"
        })
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Option(
            names = "--workload",
            paramLabel = "ID",
            required = true,
            description = "The workload whose history gets the runs (schedcp workload create).")
    private String workload;

    @Option(
            names = "--schedulers",
            paramLabel = "LIST",
            required = true,
            split = ",",
            description = "Schedulers to compare, comma-separated; 'default' is the kernel's own.")
    private List<String> schedulers = new ArrayList<>();

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "" + BenchPlan.DEFAULT_RUNS,
            description = "Runs per scheduler (default ${DEFAULT-VALUE}, at most " + BenchPlan.MAX_RUNS + ").")
    private int runs;

    @Option(
            names = "--interval",
            paramLabel = "MS",
            defaultValue = "" + BenchPlan.DEFAULT_MONITOR_INTERVAL_MS,
            description = "The system monitor's interval during runs (default ${DEFAULT-VALUE}).")
    private int intervalMs;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "" + BenchPlan.DEFAULT_RUN_TIMEOUT_SECONDS,
            description = "The longest one run may take (default ${DEFAULT-VALUE}).")
    private int timeout;

    @Option(
            names = "--chart",
            paramLabel = "FILE",
            description = "Where to write the SVG chart (default ~/.schedcp/charts/bench-<workload>.svg, "
                    + "under SCHEDCP_HOME if set). An existing FILE must be a regular file.")
    private Path chart;

    @Option(names = "--json", description = "Print the result as JSON instead of the table.")
    private boolean json;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The benchmark command, after '--'.")
    private List<String> command = new ArrayList<>();

    @SuppressWarnings("try") // the signal handlers are held for the scope of the try block only
    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        if (intervalMs < SystemMonitor.MINIMUM_INTERVAL.toMillis() || timeout < 1) {
            context.err()
                    .println("schedcp: --interval takes " + SystemMonitor.MINIMUM_INTERVAL.toMillis()
                            + " ms or more and --timeout 1 s or more");
            return ExitCodes.USAGE;
        }
        BenchPlan plan = new BenchPlan(
                workload, schedulers, command, runs, Duration.ofMillis(intervalMs), Duration.ofSeconds(timeout));
        Path svg = chart != null ? chart : defaultChart(context, workload);
        try {
            WriteTarget.resolve(svg);
        } catch (SchedcpException e) {
            context.err().println("schedcp: " + e.getMessage() + "; give --chart the path of a new or regular file");
            return ExitCodes.USAGE;
        }
        WorkloadStore store = context.workloads();
        store.require(workload);
        BenchRunner runner = new BenchRunner(context.manager(), context.runMonitor(), new WorkloadRecorder(store));
        BenchResult result;
        try (InterruptSignals signals = new InterruptSignals(Thread.currentThread()::interrupt)) {
            result = runner.run(plan, progress -> {
                context.err().println("schedcp: " + progress.line());
                context.err().flush();
            });
        }
        // The results come first: a chart that cannot be written must not cost the table or the JSON.
        if (json) {
            context.json(result);
        } else {
            context.out().print(ComparisonText.render(result.comparison()));
        }
        context.out().flush();
        context.err().println("schedcp: " + result.runs().size() + " runs recorded in the history of " + workload);
        context.warn(store.problems());
        try {
            AtomicFiles.write(
                    svg,
                    ComparisonChart.svg(result.comparison(), String.join(" ", command))
                            .getBytes(StandardCharsets.UTF_8));
        } catch (SchedcpException e) {
            context.err()
                    .println("schedcp: the chart was not written: " + e.getMessage() + "; the results above "
                            + "are recorded, so give --chart a writable path and run the bench again for a chart");
            return ExitCodes.IO;
        }
        context.err().println("schedcp: chart written to " + svg.toAbsolutePath());
        // Failed runs are results too (recorded with their reasons); only a bench with no run at all is a failure.
        return result.runs().stream().anyMatch(r -> r.succeeded()) ? ExitCodes.OK : ExitCodes.START_FAILED;
    }

    /** {@code ~/.schedcp/charts/bench-<workload>.svg}: the data directory is writable where the cwd may not be. */
    static Path defaultChart(CliContext context, String workload) {
        return context.config().home().resolve("charts").resolve("bench-" + workload.strip() + ".svg");
    }
}
