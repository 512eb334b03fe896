package io.schedcp.core.bench;

import io.schedcp.core.monitor.MonitorSummary;
import io.schedcp.core.workload.RunOutcome;
import io.schedcp.core.workload.RunRecord;
import io.schedcp.core.workload.WorkloadStore;
import java.util.List;
import java.util.Optional;

/** Records bench runs in a workload's history, with the monitor's summary of each. */
public final class WorkloadRecorder implements BenchHooks.RunRecorder {

    private final WorkloadStore store;

    public WorkloadRecorder(WorkloadStore store) {
        this.store = store;
    }

    @Override
    public String record(String workloadId, BenchRun run, Optional<MonitorSummary> monitorSummary) {
        String result = run.succeeded()
                ? "bench run " + run.run() + ": " + describe(run)
                : "bench run " + run.run() + " failed";
        RunRecord record = new RunRecord(
                run.scheduler(),
                List.of(),
                Optional.empty(),
                run.start(),
                Optional.of(run.end()),
                monitorSummary,
                result,
                run.metrics(),
                run.succeeded() ? RunOutcome.ok() : RunOutcome.failed(run.failure()));
        return store.addHistory(workloadId, record).id();
    }

    private static String describe(BenchRun run) {
        return run.metrics().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + ", " + b)
                .orElse("no metrics");
    }
}
