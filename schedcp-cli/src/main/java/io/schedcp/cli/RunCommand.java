package io.schedcp.cli;

import io.schedcp.core.manager.ForeignPolicy;
import io.schedcp.daemon.client.DaemonClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedcp run NAME [-- ARGS...]}: runs a scheduler in the foreground, streams its output, confirms
 * the kernel state, and on Ctrl-C (or SIGTERM) stops it and confirms the kernel is back on its default.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a scheduler in the foreground until Ctrl-C, streaming its output.",
            "Whatever this schedcp runs is stopped first; a scheduler another program runs is left alone (exit 7)",
            "unless --replace-foreign is given. The start counts only once the kernel reports the",
            "scheduler enabled; Ctrl-C stops it (SIGINT, then SIGTERM, then SIGKILL) and waits for the kernel",
            "to go back to its default scheduler. Pass the scheduler's own flags after '--'.",
            "When a schedcp daemon runs (its socket exists: SCHEDCP_DAEMON_SOCKET, else daemon.sock in",
            "SCHEDCP_HOME or /var/lib/schedcp), the daemon runs it instead, restarting it if it ends; the",
            "command waits for the start, says how it went and returns ('schedcp stop' stops it)."
        })
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "A scheduler name, or provider:name.")
    private String name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The scheduler's own flags (after '--').")
    private List<String> args = new ArrayList<>();

    @Mixin
    private TimeoutOptions timeouts;

    @Option(
            names = "--replace-foreign",
            description = "Stop a sched_ext scheduler that another program runs (scx_loader, a systemd unit, another "
                    + "schedcp) instead of leaving it alone and failing.")
    private boolean replaceForeign;

    @Option(
            names = "--no-daemon",
            description = "Run it in the foreground here even when a schedcp daemon runs (which then keeps owning"
                    + " its own scheduler: the kernel runs one at a time).")
    private boolean noDaemon;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        if (!noDaemon) {
            Optional<DaemonClient> daemon = context.daemon();
            if (daemon.isPresent()) {
                try (DaemonClient client = daemon.get()) {
                    return DaemonRun.run(
                            context,
                            client,
                            name,
                            args,
                            replaceForeign,
                            timeouts.start(context.config()).plusSeconds(30));
                }
            }
        }
        return ForegroundRun.run(
                context,
                name,
                args,
                timeouts.start(context.config()),
                timeouts.stop(),
                replaceForeign ? ForeignPolicy.REPLACE : ForeignPolicy.LEAVE_ALONE);
    }
}
