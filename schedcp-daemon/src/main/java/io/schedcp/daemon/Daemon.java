package io.schedcp.daemon;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.api.DaemonApi;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.bench.BenchJobs;
import io.schedcp.daemon.http.ApiHandler;
import io.schedcp.daemon.http.ApiServer;
import io.schedcp.daemon.http.Routes;
import io.schedcp.daemon.metrics.DaemonMetrics;
import io.schedcp.daemon.metrics.HostMetrics;
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
 * socket and, if asked, on TCP, behind its tokens, and its metrics. Closing it stops the API, then a bench that
 * runs, then the scheduler: the kernel goes back to its default.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Supervisor supervisor;
    private final DaemonModes modes;
    private final BenchJobs benches;
    private final DaemonServices services;
    private final ApiServer server;

    private Daemon(
            Supervisor supervisor, DaemonModes modes, BenchJobs benches, DaemonServices services, ApiServer server) {
        this.supervisor = supervisor;
        this.modes = modes;
        this.benches = benches;
        this.services = services;
        this.server = server;
    }

    /**
     * Starts serving, with this host's services ({@link DaemonServices#of}) in {@code settings}' home and this
     * process's environment, and runs the settings' start mode if they have one.
     *
     * @param version schedcp's version, for the OpenAPI document
     * @throws io.schedcp.api.SchedcpException IO when the tokens cannot be made or a socket cannot be bound;
     *     UNAVAILABLE, before anything is bound, when the start mode's scheduler cannot run here
     */
    public static Daemon start(SchedulerManager manager, DaemonSettings settings, String version) {
        Objects.requireNonNull(manager, "manager");
        return start(
                manager,
                settings,
                DaemonServices.of(
                        new SchedcpConfig(
                                settings.home(), SchedcpConfig.fromEnvironment().environment()),
                        manager),
                version);
    }

    /**
     * Starts serving with {@code services}: the workload store, the agents' clients and the bench runner, and
     * runs the settings' start mode if they have one. The daemon owns their monitors from now on: closing it
     * closes them.
     *
     * @param version schedcp's version, for the OpenAPI document
     * @throws io.schedcp.api.SchedcpException IO when the tokens cannot be made or a socket cannot be bound
     */
    public static Daemon start(
            SchedulerManager manager, DaemonSettings settings, DaemonServices services, String version) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(services, "services");
        Tokens tokens = Tokens.inHome(settings.home());
        Supervisor supervisor = new Supervisor(manager, settings.restart());
        BenchJobs benches = new BenchJobs(services.bench(), supervisor);
        try {
            DaemonModes modes = new DaemonModes(manager, supervisor, settings.modes(), services.workloads());
            // Refused before the socket is bound, so that a start mode that cannot run fails the start.
            Optional<ModeChoice> start = settings.startMode().map(modes::require);
            DaemonMetrics metrics = new DaemonMetrics(manager, supervisor);
            HostMetrics.register(metrics.registry(), services);
            Routes routes = DaemonApi.routes(manager, supervisor, modes, metrics, services, benches, version);
            ApiServer server = ApiServer.start(new ApiHandler(routes, tokens), settings.socket(), settings.listen());
            LOG.info(
                    "schedcp daemon listens on {}{}",
                    settings.socket(),
                    server.port()
                            .map(p -> " and " + settings.listen().orElseThrow().getHostString() + ":" + p)
                            .orElse(""));
            start.map(ModeChoice::mode).ifPresent(mode -> runStartMode(modes, mode, server));
            return new Daemon(supervisor, modes, benches, services, server);
        } catch (RuntimeException e) {
            benches.close();
            supervisor.close();
            services.monitors().close();
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
        benches.close();
        supervisor.close();
        services.monitors().close();
    }
}
