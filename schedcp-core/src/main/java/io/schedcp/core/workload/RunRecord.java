package io.schedcp.core.workload;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.monitor.MonitorSummary;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What happened when a workload ran under a scheduler: what is added to a workload's history.
 *
 * @param scheduler      the scheduler's name as given to the manager, such as {@code scx_bpfland}
 * @param args           the arguments it ran with
 * @param executionId    the manager's execution id, when the manager started it
 * @param startedAt      when the run began
 * @param endedAt        when it ended, if known
 * @param monitorSummary what the system monitor saw during the run
 * @param result         what happened, in words
 * @param metrics        measurements by name, such as {@code latency_p99_us}, {@code throughput_ops_s} and
 *                       {@code wall_time_s}; finite numbers, kept sorted by name
 * @param outcome        whether the run did its job
 */
public record RunRecord(
        String scheduler,
        List<String> args,
        Optional<String> executionId,
        Instant startedAt,
        Optional<Instant> endedAt,
        Optional<MonitorSummary> monitorSummary,
        String result,
        Map<String, Double> metrics,
        RunOutcome outcome) {

    public RunRecord {
        if (scheduler == null || scheduler.isBlank()) {
            throw new SchedcpException(Kind.INVALID_INPUT, "a run needs the scheduler it ran, such as scx_bpfland");
        }
        scheduler = scheduler.strip();
        args = args == null ? List.of() : List.copyOf(args);
        executionId = executionId == null ? Optional.empty() : executionId.filter(id -> !id.isBlank());
        Objects.requireNonNull(startedAt, "a run needs its start time");
        endedAt = endedAt == null ? Optional.empty() : endedAt;
        if (endedAt.isPresent() && endedAt.get().isBefore(startedAt)) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "a run cannot end (" + endedAt.get() + ") before it started (" + startedAt + ")");
        }
        monitorSummary = monitorSummary == null ? Optional.empty() : monitorSummary;
        result = result == null ? "" : result.strip();
        metrics = checked(metrics);
        Objects.requireNonNull(outcome, "a run needs an outcome");
    }

    /** A successful run of {@code scheduler} that began at {@code startedAt}, with nothing else known yet. */
    public static RunRecord of(String scheduler, Instant startedAt, String result) {
        return new RunRecord(
                scheduler,
                List.of(),
                Optional.empty(),
                startedAt,
                Optional.empty(),
                Optional.empty(),
                result,
                Map.of(),
                RunOutcome.ok());
    }

    public RunRecord withArgs(List<String> newArgs) {
        return new RunRecord(
                scheduler, newArgs, executionId, startedAt, endedAt, monitorSummary, result, metrics, outcome);
    }

    public RunRecord withExecutionId(String id) {
        return new RunRecord(
                scheduler, args, Optional.of(id), startedAt, endedAt, monitorSummary, result, metrics, outcome);
    }

    public RunRecord withEndedAt(Instant end) {
        return new RunRecord(
                scheduler, args, executionId, startedAt, Optional.of(end), monitorSummary, result, metrics, outcome);
    }

    public RunRecord withMonitorSummary(MonitorSummary summary) {
        return new RunRecord(
                scheduler, args, executionId, startedAt, endedAt, Optional.of(summary), result, metrics, outcome);
    }

    public RunRecord withMetrics(Map<String, Double> newMetrics) {
        return new RunRecord(
                scheduler, args, executionId, startedAt, endedAt, monitorSummary, result, newMetrics, outcome);
    }

    public RunRecord withOutcome(RunOutcome newOutcome) {
        return new RunRecord(
                scheduler, args, executionId, startedAt, endedAt, monitorSummary, result, metrics, newOutcome);
    }

    private static Map<String, Double> checked(Map<String, Double> metrics) {
        Map<String, Double> sorted = new TreeMap<>();
        if (metrics != null) {
            metrics.forEach((name, value) -> {
                if (name == null || name.isBlank()) {
                    throw new SchedcpException(Kind.INVALID_INPUT, "a metric needs a name, such as wall_time_s");
                }
                if (value == null || !Double.isFinite(value)) {
                    throw new SchedcpException(
                            Kind.INVALID_INPUT,
                            "metric " + name + " is " + value + "; a metric must be a finite number");
                }
                sorted.put(name.strip(), value);
            });
        }
        return Collections.unmodifiableMap(sorted);
    }
}
