package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.daemon.Daemon;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.config.DaemonConfig;
import io.schedcp.daemon.config.DaemonConfigReader;
import io.schedcp.daemon.mode.Mode;
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
        header = "Run the schedcp daemon in the foreground: the one owner of this host's scheduler.",
        description = {
            "Run the schedcp daemon in the foreground: the one owner of this host's scheduler.",
            "It serves a REST API (JSON under /api/v1, see docs/daemon.md) and Prometheus metrics at /metrics.",
            "It listens on a Unix socket (mode 0600; default $SCHEDCP_HOME/daemon.sock) and, with --listen,",
            "on TCP too. Every endpoint but /healthz needs 'Authorization: Bearer TOKEN': the token is made",
            "at first start in $SCHEDCP_HOME/daemon.token (mode 0600; daemon.readonly.token may only read).",
            "A scheduler that the kernel ejects, or that crashes, is restarted with backoff; when its",
            "restarts are spent the kernel stays on its default scheduler, and status and metrics say why.",
            "--config FILE reads these settings, the modes (auto, gaming, lowlatency, powersave, server) and",
            "the mode to run at start from a YAML file; the flags given here override it.",
            "SIGINT or SIGTERM stops the scheduler and then the daemon."
        })
final class DaemonCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The daemon's YAML config (socket, listen, restart, mode, modes; see docs/daemon.md). The"
                    + " other flags override what it says.")
    private Path config;

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
                    + " kernel's default (default 5).")
    private Integer maxRestarts;

    @Option(
            names = "--backoff-ms",
            paramLabel = "MS",
            description =
                    "The wait before the first restart; it doubles for each next one, up to 30 s (default" + " 1000).")
    private Long backoffMs;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "Run this mode when the daemon starts: auto, gaming, lowlatency, powersave or server, or"
                    + " none (default: the config's mode, else none).")
    private String mode;

    @Mixin
    private TimeoutOptions timeouts;

    @SuppressWarnings("try") // the signal handlers are held for the scope of the try block only
    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        DaemonSettings settings = settings(context.config().home());
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
                                    .map(p -> " and "
                                            + settings.listen().orElseThrow().getHostString() + ":" + p)
                                    .orElse("")
                            + "; token in " + context.config().home().resolve(Tokens.FULL_FILE)
                            + "; SIGINT or SIGTERM stops it");
            daemon.modes()
                    .active()
                    .ifPresent(active -> context.err()
                            .println("schedcp daemon: mode "
                                    + active.choice().mode().id() + ": "
                                    + active.choice().reason()));
            stop.await();
            context.err().println("schedcp daemon: stopping");
        }
        context.err().println("schedcp daemon: stopped; the kernel is on its default scheduler");
        return ExitCodes.OK;
    }

    /** The config file's settings, or the defaults, with the flags given here in their place. */
    DaemonSettings settings(Path home) {
        if ((maxRestarts != null && maxRestarts < 0) || (backoffMs != null && backoffMs < 0)) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "--max-restarts and --backoff-ms take 0 or more, not " + maxRestarts + " and " + backoffMs);
        }
        DaemonConfig file = config == null ? DaemonConfig.empty() : DaemonConfigReader.read(config);
        DaemonSettings settings = file.settings(home);
        RestartPolicy restart = settings.restart();
        Duration backoff = backoffMs == null ? restart.initialBackoff() : Duration.ofMillis(backoffMs);
        Duration maxBackoff = backoff.compareTo(restart.maxBackoff()) > 0 ? backoff : restart.maxBackoff();
        settings = settings.withRestart(
                new RestartPolicy(maxRestarts == null ? restart.maxRestarts() : maxRestarts, backoff, maxBackoff));
        if (listen != null) {
            settings = settings.withListen(Optional.of(DaemonSettings.parseListen(listen)));
        }
        if (socket != null) {
            settings = settings.withSocket(socket.toAbsolutePath());
        }
        if (mode != null) {
            settings = settings.withStartMode(
                    mode.strip().equalsIgnoreCase("none") ? Optional.empty() : Optional.of(Mode.of(mode)));
        }
        return settings;
    }
}
