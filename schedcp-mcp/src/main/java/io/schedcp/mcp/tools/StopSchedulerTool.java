package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.ExitInfo;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.manager.StopResult;
import io.schedcp.core.process.SignalSender;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.util.List;
import java.util.Optional;

/** {@code stop_scheduler}: stops an execution and confirms the kernel is back on its default scheduler. */
final class StopSchedulerTool implements McpTool {

    private static final JsonSchema INPUT = object("The execution to stop.")
            .required("execution_id", string("The id run_scheduler returned, such as scx_simple-1a2b3c4d."))
            .closed();

    private static final JsonSchema OUTPUT = object("How the stop went.")
            .required("execution_id", string("The execution stopped."))
            .required(
                    "signals",
                    arrayOf(
                            string(""),
                            "The signals sent, in order: SIGINT, then SIGTERM and "
                                    + "SIGKILL if it would not go. Empty when it had already ended."))
            .optional("exit", ResultSchemas.EXIT)
            .required("last_output", arrayOf(string(""), "The program's last lines of output."))
            .required("back_to_default", bool("Whether the kernel is back on its default scheduler."))
            .required("kernel", ResultSchemas.KERNEL)
            .required("summary", string("One sentence on how it went."));

    /** The result. */
    record Stopped(
            String executionId,
            List<String> signals,
            Optional<ExitView> exit,
            List<String> lastOutput,
            boolean backToDefault,
            KernelView kernel,
            String summary) {}

    private final SchedulerManager manager;

    StopSchedulerTool(SchedulerManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "stop_scheduler";
    }

    @Override
    public String description() {
        return "Stop a scheduler that run_scheduler started: SIGINT, then SIGTERM, then SIGKILL if it will not go, "
                + "then wait until the kernel is back on its default scheduler (sched_ext state 'disabled'). "
                + "Returns the signals sent, how the program ended and its last output.";
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
        String id = arguments.string("execution_id");
        StopResult result = manager.stop(id);
        Stopped stopped = new Stopped(
                id,
                result.signals().stream()
                        .map(s -> "SIG" + SignalSender.signalName(s))
                        .toList(),
                result.exitInfo().map(ExitView::of),
                result.exitInfo().map(ExitInfo::lastOutput).orElse(List.of()),
                result.kernel().isDisabled(),
                KernelView.of(result.kernel()),
                result.summary());
        return ToolResult.of(stopped, result.summary() + ".");
    }
}
