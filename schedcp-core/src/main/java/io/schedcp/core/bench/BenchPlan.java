package io.schedcp.core.bench;

import io.schedcp.api.ErrorDetail.Input;
import io.schedcp.api.ErrorDetail.MissingInput;
import io.schedcp.api.ErrorDetail.OutOfRange;
import io.schedcp.api.ErrorDetail.RepeatedValue;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.monitor.SystemMonitor;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to compare: a command run {@code runs} times under each scheduler, for a workload's history.
 *
 * @param workloadId      the workload the runs are recorded for
 * @param schedulers      scheduler names in the order to run them; {@link #DEFAULT} is the kernel's own
 * @param command         the benchmark command and its arguments
 * @param runs            runs per scheduler
 * @param monitorInterval the system monitor's interval during each run
 * @param runTimeout      the longest one run may take before it is stopped and counted as failed
 */
public record BenchPlan(
        String workloadId,
        List<String> schedulers,
        List<String> command,
        int runs,
        Duration monitorInterval,
        Duration runTimeout) {

    /** The kernel's own scheduler: no sched_ext scheduler loaded. */
    public static final String DEFAULT = "default";
    /** Runs per scheduler when none is asked for. */
    public static final int DEFAULT_RUNS = 3;

    public static final int MAX_RUNS = 100;
    /** The system monitor's interval during each run when none is asked for, in milliseconds. */
    public static final int DEFAULT_MONITOR_INTERVAL_MS = 1000;
    /** The longest one run may take when no limit is asked for, in seconds. */
    public static final int DEFAULT_RUN_TIMEOUT_SECONDS = 600;

    public BenchPlan {
        Objects.requireNonNull(workloadId, "workloadId");
        schedulers = List.copyOf(schedulers);
        command = List.copyOf(command);
        if (schedulers.isEmpty()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "no scheduler was named to compare", new MissingInput(Input.BENCH_SCHEDULERS));
        }
        Optional<String> twice = firstRepeated(schedulers);
        if (twice.isPresent()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    twice.get() + " is named twice among the schedulers to " + "compare " + schedulers,
                    new RepeatedValue(Input.BENCH_SCHEDULERS, twice.get()));
        }
        if (command.isEmpty()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "no benchmark command was given", new MissingInput(Input.BENCH_COMMAND));
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    runs + " runs per scheduler is out of range: 1 to " + MAX_RUNS,
                    new OutOfRange(Input.BENCH_RUNS, runs, 1, MAX_RUNS));
        }
        Objects.requireNonNull(monitorInterval, "monitorInterval");
        Objects.requireNonNull(runTimeout, "runTimeout");
        if (monitorInterval.compareTo(SystemMonitor.MINIMUM_INTERVAL) < 0) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "a monitor interval of " + monitorInterval.toMillis()
                            + " ms is too short for a bench: give " + SystemMonitor.MINIMUM_INTERVAL.toMillis()
                            + " ms or more");
        }
        if (runTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "a run timeout of " + runTimeout.toMillis() + " ms is "
                            + "too short for a bench: give 1 s or more");
        }
    }

    /** A plan with the default runs, monitor interval and run timeout. */
    public static BenchPlan of(String workloadId, List<String> schedulers, List<String> command) {
        return new BenchPlan(
                workloadId,
                schedulers,
                command,
                DEFAULT_RUNS,
                Duration.ofMillis(DEFAULT_MONITOR_INTERVAL_MS),
                Duration.ofSeconds(DEFAULT_RUN_TIMEOUT_SECONDS));
    }

    public BenchPlan withRuns(int runs) {
        return new BenchPlan(workloadId, schedulers, command, runs, monitorInterval, runTimeout);
    }

    public BenchPlan withMonitorInterval(Duration interval) {
        return new BenchPlan(workloadId, schedulers, command, runs, interval, runTimeout);
    }

    public BenchPlan withRunTimeout(Duration timeout) {
        return new BenchPlan(workloadId, schedulers, command, runs, monitorInterval, timeout);
    }

    private static Optional<String> firstRepeated(List<String> names) {
        Set<String> seen = new HashSet<>();
        return names.stream().filter(name -> !seen.add(name)).findFirst();
    }
}
