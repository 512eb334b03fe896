package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.ExitInfo;
import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.manager.StopResult;
import io.schedcp.core.process.SignalSender;
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
import java.util.Locale;
import java.util.Optional;

/**
 * {@code stop_scheduler}: stops an execution and confirms the kernel is back on its default scheduler. The
 * daemon's execution, when a schedcp daemon runs, is stopped by asking the daemon, as {@code schedcp stop} does.
 */
final class StopSchedulerTool implements McpTool {

    private static final JsonSchema INPUT = object("The execution to stop.")
            .required("execution_id", string("The id run_scheduler returned, such as scx_simple-1a2b3c4d."))
            .closed();

    /** How long the daemon gets to stop its scheduler: its own stop steps, signal after signal. */
    static final Duration DAEMON_TIMEOUT = Duration.ofMinutes(1);

    private static final JsonSchema OUTPUT = object("How the stop went.")
            .required("execution_id", string("The execution stopped."))
            .required(
                    "signals",
                    arrayOf(
                            string(""),
                            "The signals sent, in order: SIGINT, then SIGTERM and "
                                    + "SIGKILL if it would not go. Empty when it had already ended, or when the "
                                    + "daemon stopped it."))
            .optional("exit", ResultSchemas.EXIT)
            .required("last_output", arrayOf(string(""), "The program's last lines of output."))
            .required("back_to_default", bool("Whether the kernel is back on its default scheduler."))
            .required("kernel", ResultSchemas.KERNEL)
            .required("summary", string("One sentence on how it went."))
            .optional("owner", ResultSchemas.OWNER)
            .optional("daemon_phase", ResultSchemas.DAEMON_PHASE);

    /** The result. */
    record Stopped(
            String executionId,
            List<String> signals,
            Optional<ExitView> exit,
            List<String> lastOutput,
            boolean backToDefault,
            KernelView kernel,
            String summary,
            Optional<String> owner,
            Optional<String> daemonPhase) {}

    private final SchedulerManager manager;
    private final DaemonFinder daemon;

    StopSchedulerTool(SchedulerManager manager) {
        this(manager, DaemonFinder.none());
    }

    StopSchedulerTool(SchedulerManager manager, DaemonFinder daemon) {
        this.manager = manager;
        this.daemon = daemon;
    }

    @Override
    public String name() {
        return "stop_scheduler";
    }

    @Override
    public String description() {
        return "Stop a scheduler that run_scheduler started: SIGINT, then SIGTERM, then SIGKILL if it will not go, "
                + "then wait until the kernel is back on its default scheduler (sched_ext state 'disabled'). "
                + "Returns the signals sent, how the program ended and its last output. When a schedcp daemon owns "
                + "the scheduler (run_scheduler's owner was \"daemon\"), the daemon is asked to stop it and not "
                + "restart it.";
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
        if (manager.execution(id).isEmpty()) {
            Optional<DaemonClient> found = daemon.find();
            if (found.isPresent()) {
                try (DaemonClient client = found.get()) {
                    return throughDaemon(client, id);
                }
            }
        }
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
                result.summary(),
                Optional.empty(),
                Optional.empty());
        return ToolResult.of(stopped, result.summary() + ".");
    }

    /** The daemon's execution: this call asks the daemon to stop it, and says the daemon did. */
    private ToolResult throughDaemon(DaemonClient client, String id) {
        SupervisorStatus before = client.status();
        if (!isTheDaemons(before, id)) {
            throw new SchedcpException(
                    Kind.NOT_FOUND,
                    "no execution " + id + " runs here: neither this server nor the schedcp daemon on "
                            + client.socket() + " started it; " + whatTheDaemonRuns(before));
        }
        SupervisorStatus status = client.stop(DAEMON_TIMEOUT);
        String scheduler = status.scheduler().orElse("its scheduler");
        SchedExtState kernel = manager.kernelState();
        if (status.phase() != Phase.IDLE) {
            throw new SchedcpException(
                    Kind.STOP_FAILED,
                    "the schedcp daemon on " + client.socket() + " could not stop " + scheduler + ": it is "
                            + status.phase()
                            + status.lastFailure().map(why -> " (" + why + ")").orElse("")
                            + "; see 'schedcp status'");
        }
        String summary = "the schedcp daemon, which owns this host's scheduler, "
                + (before.phase() == Phase.IDLE ? "had already stopped " : "stopped ") + scheduler
                + (kernel.isDisabled() ? "; the kernel is back on its default scheduler" : "");
        Stopped stopped = new Stopped(
                before.executionId().orElse(id),
                List.of(),
                Optional.empty(),
                List.of(),
                kernel.isDisabled(),
                KernelView.of(kernel),
                summary,
                Optional.of(ResultSchemas.DAEMON),
                Optional.of(status.phase().name()));
        return ToolResult.of(
                stopped,
                summary.substring(0, 1).toUpperCase(Locale.ROOT) + summary.substring(1)
                        + ". It will not restart it until run_scheduler asks again.");
    }

    private static String whatTheDaemonRuns(SupervisorStatus status) {
        String execution = status.executionId().map(e -> " as execution " + e).orElse("");
        return switch (status.phase()) {
            case IDLE -> "the daemon runs nothing";
            case RUNNING -> "the daemon runs " + status.scheduler().orElse("a scheduler") + execution;
            default -> "the daemon's " + status.scheduler().orElse("scheduler") + " is " + status.phase() + execution;
        };
    }

    /**
     * Whether {@code id} names the daemon's execution: its current or last one, or an earlier one of the same
     * scheduler that the daemon has since restarted under a new id.
     */
    static boolean isTheDaemons(SupervisorStatus status, String id) {
        if (status.executionId().filter(id::equals).isPresent()) {
            return true;
        }
        return status.scheduler()
                .map(s -> s.substring(s.indexOf(':') + 1))
                .filter(plain -> id.startsWith(plain + "-"))
                .isPresent();
    }
}
