package io.schedcp.core.bench;

import io.schedcp.api.ErrorDetail;
import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.core.manager.Execution;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.MonitorSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link BenchPlan}: for each scheduler, starts it and has the kernel confirm it (for {@code default},
 * makes sure no sched_ext scheduler runs), runs the command the set number of times with the system monitor
 * on, records every run, stops the scheduler and has the kernel confirm it is back. A scheduler that fails to
 * start, or is ejected mid-run, is recorded as failed with its reason and the bench goes on.
 */
public final class BenchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);

    private final SchedulerManager manager;
    private final BenchHooks.RunMonitor monitor;
    private final BenchHooks.RunRecorder recorder;
    private final CommandRunner commands;

    public BenchRunner(SchedulerManager manager, BenchHooks.RunMonitor monitor, BenchHooks.RunRecorder recorder) {
        this(manager, monitor, recorder, new CommandRunner());
    }

    BenchRunner(
            SchedulerManager manager,
            BenchHooks.RunMonitor monitor,
            BenchHooks.RunRecorder recorder,
            CommandRunner commands) {
        this.manager = manager;
        this.monitor = monitor;
        this.recorder = recorder;
        this.commands = commands;
    }

    public BenchResult run(BenchPlan plan, Consumer<BenchProgress> progress) throws InterruptedException {
        for (String scheduler : plan.schedulers()) {
            if (!scheduler.equals(BenchPlan.DEFAULT)) {
                manager.require(scheduler);
            }
        }
        List<BenchRun> runs = new ArrayList<>();
        int steps = plan.schedulers().size() * plan.runs();
        int step = 0;
        for (String scheduler : plan.schedulers()) {
            Progress say = new Progress(progress, scheduler, plan.runs(), step + 1, steps);
            say.at(0, "starting");
            Optional<Execution> execution;
            String notRunning;
            try {
                execution = start(scheduler);
                notRunning = "";
            } catch (SchedcpException e) {
                execution = Optional.empty();
                notRunning = scheduler + " did not start: " + e.getMessage();
                LOG.warn("bench: {}", notRunning);
            }
            for (int run = 1; run <= plan.runs(); run++) {
                step++;
                say = new Progress(progress, scheduler, plan.runs(), step, steps);
                Measured measured = notRunning.isEmpty()
                        ? measure(plan, scheduler, execution, run, say)
                        : new Measured(failed(scheduler, run, notRunning), Optional.empty());
                BenchRun result = measured.run();
                String id = recorder.record(plan.workloadId(), result, measured.summary());
                runs.add(result.withHistoryId(id));
                say.at(
                        run,
                        result.succeeded()
                                ? "done in "
                                        + String.format(
                                                "%.2f s", result.metrics().getOrDefault(BenchRun.WALL_TIME, 0.0))
                                : "failed: " + result.failure());
            }
            int done = step;
            execution.ifPresent(e -> stop(e, new Progress(progress, scheduler, plan.runs(), done, steps)));
        }
        return new BenchResult(plan, runs, Comparison.of(plan.schedulers(), runs));
    }

    private Optional<Execution> start(String scheduler) {
        if (scheduler.equals(BenchPlan.DEFAULT)) {
            manager.stopCurrent();
            SchedExtState kernel = manager.kernelState();
            if (kernel.supported() && !kernel.isDisabled()) {
                String ops = kernel.ops().orElse("?");
                throw new SchedcpException(
                        SchedcpException.Kind.START_FAILED,
                        "the kernel still runs the sched_ext "
                                + "scheduler " + ops + " (state " + kernel.state()
                                + "), which this schedcp did not start, so "
                                + "the default scheduler cannot be measured",
                        new ErrorDetail.ForeignScheduler(BenchPlan.DEFAULT, ops, false));
            }
            return Optional.empty();
        }
        return Optional.of(manager.start(scheduler, List.of()));
    }

    /** A run and the system monitor's summary of it. */
    private record Measured(BenchRun run, Optional<MonitorSummary> summary) {}

    private Measured measure(BenchPlan plan, String scheduler, Optional<Execution> execution, int run, Progress say)
            throws InterruptedException {
        Optional<String> gone = ended(execution);
        if (gone.isPresent()) {
            return new Measured(failed(scheduler, run, gone.get()), Optional.empty());
        }
        say.at(run, "running " + String.join(" ", plan.command()));
        BenchHooks.RunMonitor.Session watching = monitor.start(plan.monitorInterval());
        Instant start = Instant.now();
        CommandRunner.Outcome outcome;
        Optional<MonitorSummary> summary;
        try {
            outcome = commands.run(plan.command(), plan.runTimeout());
        } finally {
            summary = watching.stop();
        }
        Instant end = Instant.now();
        String failure = ended(execution)
                .map(reason -> reason + " (during run " + run + ")")
                .orElse(outcome.failure());
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (failure.isEmpty()) {
            metrics.putAll(OutputMetrics.parse(outcome.output()));
            metrics.put(BenchRun.WALL_TIME, outcome.seconds());
        }
        return new Measured(
                new BenchRun(scheduler, run, start, end, metrics, failure, tail(outcome.output()), ""), summary);
    }

    /** Why the scheduler no longer runs, if it does not. */
    private Optional<String> ended(Optional<Execution> execution) {
        if (execution.isEmpty()) {
            return Optional.empty();
        }
        Execution e = execution.get();
        if (e.state().isFinal()) {
            return Optional.of(e.scheduler().name() + " stopped running: "
                    + e.endMessage().orElse(e.state().name()));
        }
        // The kernel may have ejected it a moment before the manager's watcher noticed.
        SchedExtState kernel = manager.kernelState();
        if (!kernel.isEnabled()
                || !kernel.ops().map(e.scheduler()::matchesKernelOps).orElse(false)) {
            return Optional.of(e.scheduler().name() + " stopped running: the kernel reports sched_ext " + kernel.state()
                    + (kernel.ops().isPresent() ? ", ops " + kernel.ops().get() : ""));
        }
        return Optional.empty();
    }

    private void stop(Execution execution, Progress say) {
        if (execution.state().isFinal()) {
            return;
        }
        try {
            say.at(0, manager.stop(execution.id()).summary());
        } catch (SchedcpException e) {
            say.at(0, "could not stop it: " + e.getMessage());
        }
    }

    private static BenchRun failed(String scheduler, int run, String reason) {
        Instant now = Instant.now();
        return new BenchRun(scheduler, run, now, now, Map.of(), reason, List.of(), "");
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }

    /** Progress messages for one step. */
    private record Progress(Consumer<BenchProgress> sink, String scheduler, int runs, int step, int steps) {
        void at(int run, String message) {
            sink.accept(new BenchProgress(scheduler, run, runs, Math.max(step, 1), steps, message));
        }
    }
}
