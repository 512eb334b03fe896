package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.recommend.Recommendation;
import io.schedcp.core.recommend.Recommender;
import io.schedcp.core.workload.Tagger;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code recommend_scheduler}: schedulers ranked for a workload, with the reason for each. */
final class RecommendSchedulerTool implements McpTool {

    private static final int SHOWN = 10;

    private static final JsonSchema INPUT = object("The workload: described in words, or a stored one. Give one.")
            .optional("description", string("The workload in plain words, such as 'latency-sensitive web server'."))
            .optional(
                    "workload_id",
                    string("A stored workload's id (see the workload tool), whose measured history "
                            + "then counts in full."))
            .closed();

    private static final JsonSchema OUTPUT = object("The ranking, best first.")
            .required(
                    "recommendations",
                    arrayOf(
                            object(
                                    "One scheduler: rank, scheduler, available, "
                                            + "unavailable_reason, score, tag_score, measured_score, matched_tags, measured, reason."),
                            "The ten best, those that can run here first."));

    /** The result. */
    record Ranked(List<Recommendation> recommendations) {}

    private final SchedulerManager manager;
    private final WorkloadStore store;

    RecommendSchedulerTool(SchedulerManager manager, WorkloadStore store) {
        this.manager = manager;
        this.store = store;
    }

    @Override
    public String name() {
        return "recommend_scheduler";
    }

    @Override
    public String description() {
        return "Rank the schedulers for a workload, each with the reason. Two things count: how well a scheduler's "
                + "use cases match the workload's tags, and, weighted above that, what was measured in the history "
                + "of this and similar workloads (from benchmark or workload add_history). Schedulers that can run "
                + "here come first. Changes nothing.";
    }

    @Override
    public JsonSchema input() {
        return INPUT;
    }

    @Override
    public JsonSchema output() {
        return OUTPUT;
    }

    @Override
    public boolean changesHost() {
        return false;
    }

    @Override
    public ToolResult call(ToolArguments arguments, ToolProgress progress) {
        Optional<String> description = arguments.optionalString("description");
        Optional<String> workload = arguments.optionalString("workload_id");
        if (description.isPresent() == workload.isPresent()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "recommend_scheduler needs either 'description' (the "
                            + "workload in words) or 'workload_id' (a stored workload), not both and not neither");
        }
        Recommender recommender = new Recommender(manager.list(), store, Tagger.standard());
        List<Recommendation> ranked = workload.isPresent()
                ? recommender.forWorkload(workload.get())
                : recommender.forDescription(description.get());
        List<Recommendation> shown = ranked.subList(0, Math.min(SHOWN, ranked.size()));
        String text = shown.stream()
                .limit(3)
                .map(r -> r.rank() + ". " + r.scheduler() + ": " + r.reason())
                .collect(Collectors.joining("\n"));
        return ToolResult.of(new Ranked(shown), text);
    }
}
