package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.number;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.core.manager.ExecutionState;
import io.schedcp.core.manager.ExecutionStatus;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.client.DaemonClient;
import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.SupervisorStatus;
import io.schedcp.mcp.DaemonFinder;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code get_execution_status}: where one execution is in its life, with its last output. The schedcp daemon's
 * execution, when one runs, is answered from the daemon's status.
 */
final class ExecutionStatusTool implements McpTool {

    /** How many of the last output lines a status carries. */
    static final int OUTPUT_LINES = 40;

    private static final JsonSchema INPUT = object("The execution to look at.")
            .required("execution_id", string("The id run_scheduler returned, such as scx_simple-1a2b3c4d."))
            .closed();

    private static final JsonSchema OUTPUT = object("The execution's state.")
            .required("execution_id", string("The execution."))
            .required("scheduler", string("The qualified name of the scheduler it runs."))
            .required("args", arrayOf(string(""), "The flags it was started with."))
            .optional("pid", integer("Its program's process id, where it is a program."))
            .required(
                    "state",
                    string("Where it is in its life.")
                            .oneOf(Arrays.stream(ExecutionState.values())
                                    .map(Enum::name)
                                    .toArray(String[]::new)))
            .required("running", bool("Whether it still runs."))
            .required(
                    "started_at",
                    string("When it was started, ISO-8601; empty for the daemon's execution once it no longer "
                            + "runs, as the daemon keeps no start time for it."))
            .required("uptime_seconds", number("How long it ran, or has run so far."))
            .required("last_output", arrayOf(string(""), "Its last lines of output, at most " + OUTPUT_LINES + "."))
            .optional("exit", ResultSchemas.EXIT)
            .optional("message", string("What ended it, once it has."))
            .required("kernel", ResultSchemas.KERNEL)
            .optional("owner", ResultSchemas.OWNER)
            .optional("daemon_phase", ResultSchemas.DAEMON_PHASE)
            .optional("restarts", integer("How many times the daemon restarted it since run_scheduler asked."));

    /** The result. */
    record Status(
            String executionId,
            String scheduler,
            List<String> args,
            Optional<Long> pid,
            String state,
            boolean running,
            String startedAt,
            double uptimeSeconds,
            List<String> lastOutput,
            Optional<ExitView> exit,
            Optional<String> message,
            KernelView kernel,
            Optional<String> owner,
            Optional<String> daemonPhase,
            Optional<Integer> restarts) {}

    private final SchedulerManager manager;
    private final DaemonFinder daemon;

    ExecutionStatusTool(SchedulerManager manager) {
        this(manager, DaemonFinder.none());
    }

    ExecutionStatusTool(SchedulerManager manager, DaemonFinder daemon) {
        this.manager = manager;
        this.daemon = daemon;
    }

    @Override
    public String name() {
        return "get_execution_status";
    }

    @Override
    public String description() {
        return "Show one execution started by run_scheduler: its state (STARTING, RUNNING, STOPPING, or how it "
                + "ended: STOPPED, EJECTED by the kernel, EXITED, FAILED), command and flags, pid, uptime, the "
                + "kernel's sched_ext state, its last " + OUTPUT_LINES + " lines of output, and its exit once it "
                + "ended. For the execution of a schedcp daemon (run_scheduler's owner was \"daemon\") it gives "
                + "the daemon's phase and restarts instead of the output, which the daemon keeps. Changes nothing.";
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
        String id = arguments.string("execution_id");
        if (manager.execution(id).isEmpty()) {
            Optional<DaemonClient> found = daemon.find();
            if (found.isPresent()) {
                try (DaemonClient client = found.get()) {
                    SupervisorStatus daemonStatus = client.status();
                    if (daemonStatus.executionId().filter(id::equals).isPresent()) {
                        Status result = fromDaemon(daemonStatus, id);
                        return ToolResult.of(
                                result,
                                text(result) + "\nThe schedcp daemon on " + client.socket()
                                        + " owns it: it is " + daemonStatus.phase()
                                        + (daemonStatus.restarts() > 0
                                                ? " after " + daemonStatus.restarts() + " restart(s)"
                                                : "")
                                        + ".");
                    }
                }
            }
        }
        ExecutionStatus status = manager.requireExecution(id).status();
        List<String> output = status.lastOutput()
                .subList(
                        Math.max(0, status.lastOutput().size() - OUTPUT_LINES),
                        status.lastOutput().size());
        KernelView kernel = KernelView.of(manager.kernelState());
        Status result = new Status(
                status.id(),
                status.scheduler(),
                status.args(),
                status.pid().isPresent() ? Optional.of(status.pid().getAsLong()) : Optional.empty(),
                status.state().name(),
                !status.state().isFinal(),
                status.startedAt().toString(),
                status.uptime().toMillis() / 1000.0,
                List.copyOf(output),
                status.exitInfo().map(ExitView::of),
                status.message(),
                kernel,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        return ToolResult.of(result, text(result));
    }

    private Status fromDaemon(SupervisorStatus status, String id) {
        ExecutionState state = stateOf(status.phase());
        return new Status(
                id,
                status.scheduler().orElse(""),
                status.args(),
                Optional.empty(),
                state.name(),
                !state.isFinal(),
                status.runningSince().map(Instant::toString).orElse(""),
                status.runningSince()
                                .map(since -> Duration.between(since, Instant.now()))
                                .orElse(Duration.ZERO)
                                .toMillis()
                        / 1000.0,
                List.of(),
                Optional.empty(),
                status.lastFailure(),
                KernelView.of(manager.kernelState()),
                Optional.of(ResultSchemas.DAEMON),
                Optional.of(status.phase().name()),
                Optional.of(status.restarts()));
    }

    /** The daemon's phase as the state of its current or last execution. */
    static ExecutionState stateOf(Phase phase) {
        return switch (phase) {
            case STARTING -> ExecutionState.STARTING;
            case RUNNING -> ExecutionState.RUNNING;
            case STOPPING -> ExecutionState.STOPPING;
            case IDLE -> ExecutionState.STOPPED;
            // The execution ended without being asked; the daemon restarts it under a new id, or has given up.
            case RESTARTING, GAVE_UP -> ExecutionState.EXITED;
        };
    }

    private static String text(Status status) {
        StringBuilder text = new StringBuilder();
        text.append(status.executionId())
                .append(": ")
                .append(status.scheduler())
                .append(status.args().isEmpty() ? "" : " " + String.join(" ", status.args()))
                .append(", ")
                .append(status.state())
                .append(status.pid().map(p -> ", pid " + p).orElse(""))
                .append(String.format(", up %.1f s", status.uptimeSeconds()))
                .append("; kernel: ")
                .append(status.kernel().inWords())
                .append('.');
        status.message().ifPresent(m -> text.append("\n").append(m));
        status.exit().ifPresent(e -> text.append("\nexit: ").append(e.summary()));
        if (!status.lastOutput().isEmpty()) {
            text.append("\nlast output:");
            status.lastOutput().forEach(line -> text.append("\n  ").append(line));
        }
        return text.toString();
    }
}
