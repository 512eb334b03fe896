package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.Execution;
import io.schedcp.core.manager.ExecutionState;
import io.schedcp.core.manager.ForeignPolicy;
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
import java.util.List;
import java.util.Optional;

/**
 * {@code run_scheduler}: starts a scheduler in the background and returns once the kernel runs it. When a schedcp
 * daemon runs, the daemon starts and owns it instead, as for {@code schedcp run}.
 */
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

    /** How long the daemon gets to settle a run: its own start timeout, and its first restarts. */
    static final Duration DAEMON_TIMEOUT = Duration.ofMinutes(2);

    private static final JsonSchema OUTPUT = object("The started execution and the kernel's confirmation.")
            .required("execution_id", string("The id to give stop_scheduler and get_execution_status."))
            .required("scheduler", string("The qualified name of what runs."))
            .required("args", arrayOf(string(""), "The flags it was started with."))
            .optional("pid", integer("Its program's process id, where it is a program."))
            .required("state", string("RUNNING once the kernel confirmed it."))
            .optional(
                    "replaced_execution_id",
                    string("The execution this server (or the daemon, when it owns it) ran before, stopped first."))
            .required("kernel", ResultSchemas.KERNEL)
            .optional("owner", ResultSchemas.OWNER)
            .optional("daemon_phase", ResultSchemas.DAEMON_PHASE)
            .optional("daemon_socket", string("The socket of the daemon that owns it."));

    /** The result. */
    record Started(
            String executionId,
            String scheduler,
            List<String> args,
            Optional<Long> pid,
            String state,
            Optional<String> replacedExecutionId,
            KernelView kernel,
            Optional<String> owner,
            Optional<String> daemonPhase,
            Optional<String> daemonSocket) {}

    private final SchedulerManager manager;
    private final DaemonFinder daemon;

    RunSchedulerTool(SchedulerManager manager) {
        this(manager, DaemonFinder.none());
    }

    RunSchedulerTool(SchedulerManager manager, DaemonFinder daemon) {
        this.manager = manager;
        this.daemon = daemon;
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
                + "a kernel with sched_ext. When a schedcp daemon runs on this host, the daemon starts and owns it "
                + "instead (the result's owner is \"daemon\"): it restarts it if it ends, and it keeps running "
                + "when this server stops.";
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
        boolean replaceForeign = arguments.optionalBoolean("replace_foreign").orElse(false);
        Optional<DaemonClient> found = daemon.find();
        if (found.isPresent()) {
            try (DaemonClient client = found.get()) {
                return throughDaemon(client, name, args, replaceForeign);
            }
        }
        Optional<String> replaced = manager.current().map(Execution::id);
        ForeignPolicy foreign = replaceForeign ? ForeignPolicy.REPLACE : ForeignPolicy.LEAVE_ALONE;
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
                KernelView.of(kernel),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        String text = execution.scheduler().name() + " is running: "
                + KernelView.of(kernel).inWords()
                + " (execution " + execution.id() + pid.map(p -> ", pid " + p).orElse("") + ")."
                + replaced.map(id -> " It replaced execution " + id + ", stopped first.")
                        .orElse("")
                + " It runs until stop_scheduler {\"execution_id\": \"" + execution.id() + "\"}.";
        return ToolResult.of(started, text);
    }

    /** The daemon runs it: this call asks, waits for the outcome and says that the daemon owns it. */
    private ToolResult throughDaemon(DaemonClient client, String name, List<String> args, boolean replaceForeign) {
        SupervisorStatus before = client.status();
        SupervisorStatus status = client.run(name, args, replaceForeign, DAEMON_TIMEOUT);
        String scheduler = status.scheduler().orElse(name);
        if (status.phase() != Phase.RUNNING) {
            throw new SchedcpException(
                    Kind.START_FAILED,
                    "the schedcp daemon on " + client.socket() + ", which owns this host's scheduler, could not run "
                            + scheduler + ": " + status.lastFailure().orElse("it is " + status.phase())
                            + (status.phase() == Phase.RESTARTING
                                    ? "; it restarts it (restart " + status.restarts()
                                            + "): follow it with get_execution_status"
                                    : ""));
        }
        String id = status.executionId()
                .orElseThrow(() -> new SchedcpException(
                        Kind.IO,
                        "the schedcp daemon on " + client.socket() + " runs " + scheduler
                                + " but names no execution id; see 'schedcp status'"));
        Optional<String> replaced = before.phase() == Phase.RUNNING
                ? before.executionId().filter(previous -> !previous.equals(id))
                : Optional.empty();
        KernelView kernel = KernelView.of(manager.kernelState());
        Started started = new Started(
                id,
                scheduler,
                status.args(),
                Optional.empty(),
                ExecutionState.RUNNING.name(),
                replaced,
                kernel,
                Optional.of(ResultSchemas.DAEMON),
                Optional.of(status.phase().name()),
                Optional.of(client.socket().toString()));
        String text = "The schedcp daemon on " + client.socket() + " owns this host's scheduler, so it started "
                + scheduler + ", not this server: " + kernel.inWords() + " (execution " + id + ")."
                + replaced.map(previous -> " It replaced the daemon's execution " + previous + ", stopped first.")
                        .orElse("")
                + " The daemon restarts it if it ends, and it keeps running when this server stops; it runs until "
                + "stop_scheduler {\"execution_id\": \"" + id + "\"}.";
        return ToolResult.of(started, text);
    }
}
