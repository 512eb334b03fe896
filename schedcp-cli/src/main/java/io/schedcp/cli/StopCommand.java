package io.schedcp.cli;

import io.schedcp.daemon.client.DaemonClient;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp stop}: asks the schedcp daemon to stop its scheduler, and waits until the kernel is back. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = {
            "Stop the scheduler that the schedcp daemon runs, and wait for the kernel to be back on its default.",
            "Without a daemon, a scheduler started by 'schedcp run' stops with Ctrl-C in its terminal."
        })
final class StopCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Mixin
    private TimeoutOptions timeouts;

    @Override
    public Integer call() {
        CliContext context = root.context();
        Optional<DaemonClient> daemon = context.daemon();
        if (daemon.isEmpty()) {
            context.err()
                    .println("schedcp: no schedcp daemon runs (no socket at "
                            + context.config().daemonSocket()
                            + "); a scheduler that 'schedcp run' started stops with Ctrl-C in its terminal");
            return ExitCodes.UNAVAILABLE;
        }
        try (DaemonClient client = daemon.get()) {
            return DaemonRun.stop(context, client, timeouts.stop().multipliedBy(4));
        }
    }
}
