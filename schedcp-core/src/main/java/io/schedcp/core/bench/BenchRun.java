package io.schedcp.core.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of the command under one scheduler.
 *
 * @param metrics     what the output gave, plus {@link #WALL_TIME} as measured by the bench
 * @param failure     why it failed (the scheduler did not start, was ejected, the command failed); empty if it did not
 * @param output      the command's last lines of output
 * @param historyId   the history entry it was recorded as
 */
public record BenchRun(
        String scheduler,
        int run,
        Instant start,
        Instant end,
        Map<String, Double> metrics,
        String failure,
        List<String> output,
        String historyId) {

    /** The wall time of the command as the bench measured it, in seconds. */
    public static final String WALL_TIME = "wall_time_s";

    public BenchRun {
        Objects.requireNonNull(scheduler, "scheduler");
        metrics = Map.copyOf(metrics);
        failure = Objects.requireNonNullElse(failure, "");
        output = List.copyOf(output);
        historyId = Objects.requireNonNullElse(historyId, "");
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    public BenchRun withHistoryId(String id) {
        return new BenchRun(scheduler, run, start, end, metrics, failure, output, id);
    }
}
