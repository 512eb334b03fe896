package io.schedcp.core.bench;

import io.schedcp.core.workload.RunOutcome;
import io.schedcp.core.workload.RunRecord;
import io.schedcp.core.workload.WorkloadStore;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Records bench runs in a workload's history, with the monitor's summary as a JSON tree. */
public final class WorkloadRecorder implements BenchHooks.RunRecorder {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final WorkloadStore store;

    public WorkloadRecorder(WorkloadStore store) {
        this.store = store;
    }

    @Override
    public String record(String workloadId, BenchRun run, Optional<Object> monitorSummary) {
        Optional<JsonNode> summary = monitorSummary.map(s -> s instanceof JsonNode node ? node
                : MAPPER.valueToTree(s));
        String result = run.succeeded() ? "bench run " + run.run() + ": " + describe(run)
                : "bench run " + run.run() + " failed";
        RunRecord record = new RunRecord(run.scheduler(), List.of(), Optional.empty(), run.start(),
                Optional.of(run.end()), summary, result, run.metrics(),
                run.succeeded() ? RunOutcome.ok() : RunOutcome.failed(run.failure()));
        return store.addHistory(workloadId, record).id();
    }

    private static String describe(BenchRun run) {
        return run.metrics().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("no metrics");
    }
}
