package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.SchedExtState;
import io.schedcp.core.manager.Execution;
import io.schedcp.core.manager.ForeignPolicy;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.util.List;
import java.util.Optional;

/** {@code run_scheduler}: starts a scheduler in the background and returns once the kernel runs it. */
final class RunSchedulerTool implements McpTool {

    private static final JsonSchema INPUT = object("The scheduler to start and its flags.")
            .required(
                    "name",
                    string("The scheduler's name as list_schedulers gives it, such as scx_simple, or "
                            + "provider:name."))
            .optional(
                    "args",
                    arrayOf(
                            string(""),
                            "The scheduler's own command-line flags, such as "
                                    + "[\"--slice-us\", \"5000\"]; its tuning_parameters list them."))
            .optional(
                    "replace_foreign",
                    bool("True to stop a sched_ext scheduler that another program runs (a "
                            + "user's scx_loader, a systemd unit, another schedcp) and start this one instead. By default "
                            + "such a scheduler is left alone and the call fails naming it."))
            .closed();

    private static final JsonSchema OUTPUT = object("The started execution and the kernel's confirmation.")
            .required("execution_id", string("The id to give stop_scheduler and get_execution_status."))
            .required("scheduler", string("The qualified name of what runs."))
            .required("args", arrayOf(string(""), "The flags it was started with."))
            .optional("pid", integer("Its program's process id, where it is a program."))
            .required("state", string("RUNNING once the kernel confirmed it."))
            .optional("replaced_execution_id", string("The execution this server ran before, stopped first."))
            .required("kernel", ResultSchemas.KERNEL);

    /** The result. */
    record Started(
            String executionId,
            String scheduler,
            List<String> args,
            Optional<Long> pid,
            String state,
            Optional<String> replacedExecutionId,
            KernelView kernel) {}

    private final SchedulerManager manager;

    RunSchedulerTool(SchedulerManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "run_scheduler";
    }

    @Override
    public String description() {
        return "Start a sched_ext scheduler in the background and return once the kernel reports it enabled "
                + "(sched_ext state 'enabled' and root/ops naming it). The kernel runs one sched_ext scheduler at "
                + "a time: one this server started is stopped first; one that another program runs is left alone "
                + "(the call fails naming it) unless replace_foreign is true. It keeps running after this call returns; "
                + "stop it with stop_scheduler and the execution id, watch it with get_execution_status. Needs "
                + "root (the server runs as root, through passwordless sudo, or with SCHEDCP_SUDO_PASSWORD) and "
                + "a kernel with sched_ext.";
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
        String name = arguments.string("name");
        List<String> args = arguments.strings("args");
        Optional<String> replaced = manager.current().map(Execution::id);
        ForeignPolicy foreign = arguments.optionalBoolean("replace_foreign").orElse(false)
                ? ForeignPolicy.REPLACE
                : ForeignPolicy.LEAVE_ALONE;
        Execution execution = manager.start(name, args, foreign);
        SchedExtState kernel = manager.kernelState();
        Optional<Long> pid = execution.handle().pid().isPresent()
                ? Optional.of(execution.handle().pid().getAsLong())
                : Optional.empty();
        Started started = new Started(
                execution.id(),
                execution.scheduler().qualifiedName(),
                execution.args(),
                pid,
                execution.state().name(),
                replaced.filter(id -> !id.equals(execution.id())),
                KernelView.of(kernel));
        String text = execution.scheduler().name() + " is running: "
                + KernelView.of(kernel).inWords()
                + " (execution " + execution.id() + pid.map(p -> ", pid " + p).orElse("") + ")."
                + replaced.map(id -> " It replaced execution " + id + ", stopped first.")
                        .orElse("")
                + " It runs until stop_scheduler {\"execution_id\": \"" + execution.id() + "\"}.";
        return ToolResult.of(started, text);
    }
}
