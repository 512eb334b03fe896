package io.schedcp.daemon;

import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.api.DaemonApi;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.http.ApiHandler;
import io.schedcp.daemon.http.ApiServer;
import io.schedcp.daemon.http.Routes;
import io.schedcp.daemon.metrics.DaemonMetrics;
import io.schedcp.daemon.mode.DaemonModes;
import io.schedcp.daemon.mode.Mode;
import io.schedcp.daemon.mode.ModeChoice;
import io.schedcp.daemon.supervise.Supervisor;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running schedcp daemon: the owner of this host's scheduler ({@link Supervisor}), its REST API on a Unix
 * socket and, if asked, on TCP, behind its tokens, and its metrics. Closing it stops the API, then the
 * scheduler: the kernel goes back to its default.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Supervisor supervisor;
    private final DaemonModes modes;
    private final ApiServer server;

    private Daemon(Supervisor supervisor, DaemonModes modes, ApiServer server) {
        this.supervisor = supervisor;
        this.modes = modes;
        this.server = server;
    }

    /**
     * Starts serving, and runs the settings' start mode if they have one.
     *
     * @param version schedcp's version, for the OpenAPI document
     * @throws io.schedcp.api.SchedcpException IO when the tokens cannot be made or a socket cannot be bound;
     *     UNAVAILABLE, before anything is bound, when the start mode's scheduler cannot run here
     */
    public static Daemon start(SchedulerManager manager, DaemonSettings settings, String version) {
        Objects.requireNonNull(manager, "manager");
        Tokens tokens = Tokens.inHome(settings.home());
        Supervisor supervisor = new Supervisor(manager, settings.restart());
        try {
            DaemonModes modes =
                    new DaemonModes(manager, supervisor, settings.modes(), new WorkloadStore(settings.home()));
            // Refused before the socket is bound, so that a start mode that cannot run fails the start.
            Optional<ModeChoice> start = settings.startMode().map(modes::require);
            DaemonMetrics metrics = new DaemonMetrics(manager, supervisor);
            Routes routes = DaemonApi.routes(manager, supervisor, modes, metrics, version);
            ApiServer server = ApiServer.start(new ApiHandler(routes, tokens), settings.socket(), settings.listen());
            LOG.info(
                    "schedcp daemon listens on {}{}",
                    settings.socket(),
                    server.port()
                            .map(p -> " and " + settings.listen().orElseThrow().getHostString() + ":" + p)
                            .orElse(""));
            start.map(ModeChoice::mode).ifPresent(mode -> runStartMode(modes, mode, server));
            return new Daemon(supervisor, modes, server);
        } catch (RuntimeException e) {
            supervisor.close();
            throw e;
        }
    }

    private static void runStartMode(DaemonModes modes, Mode mode, ApiServer server) {
        try {
            modes.run(mode, false);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public Supervisor supervisor() {
        return supervisor;
    }

    public DaemonModes modes() {
        return modes;
    }

    public Path socket() {
        return server.socket();
    }

    /** The TCP port, when it listens on one. */
    public Optional<Integer> port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        supervisor.close();
    }
}
