package io.schedcp.cli;

import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.core.workload.RunOutcome;
import io.schedcp.core.workload.RunRecord;
import io.schedcp.core.workload.WorkloadTag;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** How the workload commands show workloads and runs to people. */
final class WorkloadText {

    private WorkloadText() {}

    static String tags(Collection<WorkloadTag> tags) {
        return tags.isEmpty() ? "none" : tags.stream().map(WorkloadTag::label).collect(Collectors.joining(", "));
    }

    static String outcome(RunOutcome outcome) {
        return outcome instanceof RunOutcome.Failed failed ? "failed: " + failed.reason() : "ok";
    }

    static String metrics(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .map(m -> m.getKey() + "=" + number(m.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** A number as typed: {@code 81.2}, {@code 420} rather than {@code 420.0}. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** One run as a few lines: its id, time, scheduler and outcome, then what is known of it. */
    static String entry(HistoryEntry entry) {
        RunRecord run = entry.run();
        StringBuilder text = new StringBuilder();
        text.append(entry.id()).append("  ").append(run.startedAt());
        run.endedAt().ifPresent(end -> text.append(" .. ").append(end));
        text.append("  ").append(run.scheduler());
        if (!run.args().isEmpty()) {
            text.append(' ').append(String.join(" ", run.args()));
        }
        text.append("  ").append(outcome(run.outcome())).append('\n');
        run.executionId()
                .ifPresent(id -> text.append("    execution: ").append(id).append('\n'));
        if (!run.result().isEmpty()) {
            text.append("    result:    ").append(run.result()).append('\n');
        }
        if (!run.metrics().isEmpty()) {
            text.append("    metrics:   ").append(metrics(run.metrics())).append('\n');
        }
        if (run.monitorSummary().isPresent()) {
            text.append("    monitor:   a summary was recorded (--json shows it)\n");
        }
        return text.toString();
    }
}
