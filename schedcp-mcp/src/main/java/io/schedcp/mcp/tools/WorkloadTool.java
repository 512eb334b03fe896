package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.mapOf;
import static io.schedcp.mcp.JsonSchema.number;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.core.workload.RunOutcome;
import io.schedcp.core.workload.RunRecord;
import io.schedcp.core.workload.WorkloadProfile;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code workload}: workload profiles and their history, in the store the CLI uses too. */
final class WorkloadTool implements McpTool {

    private static final JsonSchema INPUT = object("The command and its arguments.")
            .required(
                    "command",
                    string("create a workload, list them, get_history of one, or add_history to one.")
                            .oneOf("create", "list", "get_history", "add_history"))
            .optional(
                    "description",
                    string("With create: the workload in plain words, such as 'nightly kernel "
                            + "build, make -j32'; tags are derived from it."))
            .optional("name", string("With create: a short name (default: from the description)."))
            .optional(
                    "workload_id",
                    string("With get_history and add_history: the workload's id, such as " + "w-1a2b3c4d."))
            .optional(
                    "scheduler",
                    string("With add_history: the scheduler that ran ('default' for the kernel's " + "own)."))
            .optional("result", string("With add_history: what happened, in words."))
            .optional(
                    "metrics",
                    mapOf(
                            number(""),
                            "With add_history: measured figures by name, such as "
                                    + "{\"wall_time_s\": 81.2, \"latency_p99_us\": 420}."))
            .optional("args", arrayOf(string(""), "With add_history: the scheduler's arguments."))
            .optional("failed", string("With add_history: the reason, if the run failed."))
            .closed();

    private static final JsonSchema OUTPUT = object("What the command gave.")
            .required("command", string("The command done."))
            .optional("workload", object("The workload created: id, name, description, tags, created_at."))
            .optional("workloads", arrayOf(object("A workload."), "With list: every workload."))
            .optional(
                    "history",
                    arrayOf(
                            object("A run: id, scheduler, args, started_at, ended_at, "
                                    + "monitor_summary, result, metrics, outcome."),
                            "With get_history: the runs, oldest first."))
            .optional("entry", object("With add_history: the run as stored, with its id."));

    /** The result. */
    record Outcome(
            String command,
            Optional<WorkloadProfile> workload,
            Optional<List<WorkloadProfile>> workloads,
            Optional<List<HistoryEntry>> history,
            Optional<HistoryEntry> entry) {}

    private final WorkloadStore store;

    WorkloadTool(WorkloadStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "workload";
    }

    @Override
    public String description() {
        return "Workload profiles and the history of schedulers run under them, shared with the schedcp CLI "
                + "(~/.schedcp/workloads.json). create {description, name?} tags a workload from its description; "
                + "list gives every workload; get_history {workload_id} gives its runs; add_history {workload_id, "
                + "scheduler, result, metrics?, args?, failed?} records a run. recommend_scheduler uses this history.";
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
        return true;
    }

    @Override
    public ToolResult call(ToolArguments arguments, ToolProgress progress) {
        String command = arguments.string("command");
        ToolResult result = switch (command) {
            case "create" -> {
                WorkloadProfile created =
                        store.create(arguments.string("description"), arguments.optionalString("name"));
                yield ToolResult.of(
                        new Outcome(
                                command, Optional.of(created), Optional.empty(), Optional.empty(), Optional.empty()),
                        "Created workload " + created.id() + " (" + created.name() + "), tagged " + created.tags()
                                + ".");
            }
            case "list" -> {
                List<WorkloadProfile> all = store.list();
                yield ToolResult.of(
                        new Outcome(command, Optional.empty(), Optional.of(all), Optional.empty(), Optional.empty()),
                        all.size() + " workload(s)"
                                + (all.isEmpty()
                                        ? "; create one with " + "{\"command\": \"create\", \"description\": \"...\"}."
                                        : ": "
                                                + all.stream()
                                                        .map(w -> w.id() + " " + w.name())
                                                        .toList() + "."));
            }
            case "get_history" -> {
                List<HistoryEntry> history = store.history(arguments.string("workload_id"));
                yield ToolResult.of(
                        new Outcome(
                                command, Optional.empty(), Optional.empty(), Optional.of(history), Optional.empty()),
                        history.size() + " run(s) recorded for " + arguments.string("workload_id") + ".");
            }
            case "add_history" -> {
                HistoryEntry entry = store.addHistory(arguments.string("workload_id"), record(arguments));
                yield ToolResult.of(
                        new Outcome(command, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(entry)),
                        "Recorded run " + entry.id() + " of " + entry.run().scheduler() + ".");
            }
            default -> throw new SchedcpException(Kind.INVALID_INPUT, "unknown command " + command);
        };
        if (!store.problems().isEmpty()) {
            return ToolResult.of(result.value(), result.text() + " Warning: " + String.join("; ", store.problems()));
        }
        return result;
    }

    private static RunRecord record(ToolArguments arguments) {
        Optional<String> failed = arguments.optionalString("failed");
        return new RunRecord(
                arguments.string("scheduler"),
                arguments.strings("args"),
                Optional.empty(),
                Instant.now(),
                Optional.empty(),
                Optional.empty(),
                arguments.string("result"),
                arguments.numbers("metrics"),
                failed.map(RunOutcome::failed).orElse(RunOutcome.ok()));
    }
}
