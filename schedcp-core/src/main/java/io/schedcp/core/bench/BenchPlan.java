package io.schedcp.core.bench;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
            throw new SchedcpException(Kind.INVALID_INPUT, "name at least one scheduler to compare, for example "
                    + "--schedulers default,scx_simple");
        }
        if (schedulers.stream().distinct().count() != schedulers.size()) {
            throw new SchedcpException(Kind.INVALID_INPUT, "a scheduler is named twice in " + schedulers
                    + "; name each once (use --runs for more runs)");
        }
        if (command.isEmpty()) {
            throw new SchedcpException(Kind.INVALID_INPUT, "give the benchmark command after '--', for example "
                    + "-- hackbench -g 4 -l 1000");
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new SchedcpException(Kind.INVALID_INPUT, "--runs " + runs + " is out of range: give 1 to "
                    + MAX_RUNS);
        }
        Objects.requireNonNull(monitorInterval, "monitorInterval");
        Objects.requireNonNull(runTimeout, "runTimeout");
    }
}
