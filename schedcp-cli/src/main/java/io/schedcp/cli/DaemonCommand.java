package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.daemon.Daemon;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.supervise.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedcp daemon}: the long-running owner of this host's scheduler, in the foreground (as systemd wants
 * it) until SIGINT or SIGTERM; then the scheduler it runs is stopped and the kernel confirmed back on its
 * default.
 */
@Command(
        name = "daemon",
        mixinStandardHelpOptions = true,
        description = {
            "Run the schedcp daemon in the foreground: the one owner of this host's scheduler.",
            "It serves a REST API (JSON under /api/v1, see docs/daemon.md) and Prometheus metrics at /metrics.",
            "It listens on a Unix socket (mode 0600; default $SCHEDCP_HOME/daemon.sock) and, with --listen,",
            "on TCP too. Every endpoint but /healthz needs 'Authorization: Bearer TOKEN': the token is made",
            "at first start in $SCHEDCP_HOME/daemon.token (mode 0600; daemon.readonly.token may only read).",
            "A scheduler that the kernel ejects, or that crashes, is restarted with backoff; when its",
            "restarts are spent the kernel stays on its default scheduler, and status and metrics say why.",
            "SIGINT or SIGTERM stops the scheduler and then the daemon."
        })
final class DaemonCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            description = "Also serve the API on this TCP address, such as 127.0.0.1:8787 (port 0: any free one).")
    private String listen;

    @Option(
            names = "--socket",
            paramLabel = "PATH",
            description = "The Unix socket to listen on (default $SCHEDCP_HOME/daemon.sock).")
    private Path socket;

    @Option(
            names = "--max-restarts",
            paramLabel = "N",
            description = "Restarts of a scheduler that ends without being asked, before the daemon gives up to the"
                    + " kernel's default (default ${DEFAULT-VALUE}).",
            defaultValue = "5")
    private int maxRestarts;

    @Option(
            names = "--backoff-ms",
            paramLabel = "MS",
            description = "The wait before the first restart; it doubles for each next one, up to 30 s (default"
                    + " ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    private long backoffMs;

    @Mixin
    private TimeoutOptions timeouts;

    @SuppressWarnings("try") // the signal handlers are held for the scope of the try block only
    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        if (maxRestarts < 0 || backoffMs < 0) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "--max-restarts and --backoff-ms take 0 or more, not " + maxRestarts + " and " + backoffMs);
        }
        Duration backoff = Duration.ofMillis(backoffMs);
        Duration maxBackoff = backoff.compareTo(Duration.ofSeconds(30)) > 0 ? backoff : Duration.ofSeconds(30);
        DaemonSettings settings = DaemonSettings.defaults(context.config().home())
                .withRestart(new RestartPolicy(maxRestarts, backoff, maxBackoff))
                .withListen(Optional.ofNullable(listen).map(DaemonSettings::parseListen));
        if (socket != null) {
            settings = settings.withSocket(socket.toAbsolutePath());
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (Daemon daemon = Daemon.start(
                        context.manager(ManagerSettings.DEFAULTS
                                .withStartTimeout(timeouts.start(context.config()))
                                .withStopStepTimeout(timeouts.stop())),
                        settings,
                        SchedcpCommand.Version.number());
                InterruptSignals signals = new InterruptSignals(stop::countDown)) {
            context.err()
                    .println("schedcp daemon: listening on " + daemon.socket()
                            + daemon.port()
                                    .map(p -> " and " + listen.substring(0, listen.lastIndexOf(':')) + ":" + p)
                                    .orElse("")
                            + "; token in " + context.config().home().resolve(Tokens.FULL_FILE)
                            + "; SIGINT or SIGTERM stops it");
            stop.await();
            context.err().println("schedcp daemon: stopping");
        }
        context.err().println("schedcp daemon: stopped; the kernel is on its default scheduler");
        return ExitCodes.OK;
    }
}
