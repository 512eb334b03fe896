package io.schedcp.core.bench;

import io.schedcp.api.ErrorDetail.Input;
import io.schedcp.api.ErrorDetail.MissingInput;
import io.schedcp.api.ErrorDetail.OutOfRange;
import io.schedcp.api.ErrorDetail.RepeatedValue;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
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
public record BenchPlan(String workloadId, List<String> schedulers, List<String> command, int runs,
        Duration monitorInterval, Duration runTimeout) {

    /** The kernel's own scheduler: no sched_ext scheduler loaded. */
    public static final String DEFAULT = "default";
    static final int MAX_RUNS = 100;

    public BenchPlan {
        Objects.requireNonNull(workloadId, "workloadId");
        schedulers = List.copyOf(schedulers);
        command = List.copyOf(command);
        if (schedulers.isEmpty()) {
            throw new SchedcpException(Kind.INVALID_INPUT, "no scheduler was named to compare",
                    new MissingInput(Input.BENCH_SCHEDULERS));
        }
        Optional<String> twice = firstRepeated(schedulers);
        if (twice.isPresent()) {
            throw new SchedcpException(Kind.INVALID_INPUT, twice.get() + " is named twice among the schedulers to "
                    + "compare " + schedulers, new RepeatedValue(Input.BENCH_SCHEDULERS, twice.get()));
        }
        if (command.isEmpty()) {
            throw new SchedcpException(Kind.INVALID_INPUT, "no benchmark command was given",
                    new MissingInput(Input.BENCH_COMMAND));
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new SchedcpException(Kind.INVALID_INPUT, runs + " runs per scheduler is out of range: 1 to "
                    + MAX_RUNS, new OutOfRange(Input.BENCH_RUNS, runs, 1, MAX_RUNS));
        }
        Objects.requireNonNull(monitorInterval, "monitorInterval");
        Objects.requireNonNull(runTimeout, "runTimeout");
    }

    private static Optional<String> firstRepeated(List<String> names) {
        Set<String> seen = new HashSet<>();
        return names.stream().filter(name -> !seen.add(name)).findFirst();
    }
}
