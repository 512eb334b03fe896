package io.schedcp.cli;

import io.schedcp.bpf.custom.CustomTools;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.bench.BenchHooks;
import io.schedcp.core.bench.SystemRunMonitor;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.client.DaemonClient;
import io.schedcp.slo.control.SloClient;
import io.schedcp.slo.control.SloControl;
import io.schedcp.slo.control.SloSocket;
import io.schedcp.userspace.control.PolicyClient;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.control.PolicySocket;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every command shares: the configuration, the output streams, and the manager, built on first use
 * so that {@code --help} and {@code --version} never scan plugins or the kernel.
 */
final class CliContext {

    private final SchedcpConfig config;
    private final Function<ManagerSettings, SchedulerManager> managerFactory;
    /** Reaches a running scx_slo through its socket; tests put a fake in its place. */
    private final Function<Path, SloControl> sloControls;
    /** Reaches a running scx_userspace through its socket; tests put a fake in its place. */
    private final Function<Path, PolicyControl> policyControls;

    private PrintStream stdout;
    private PrintWriter jsonOut;
    private PrintWriter out;
    private PrintWriter err;
    /** Held while the manager is built, which may block in a plugin; {@link #close()} does not wait for it. */
    private final Object building = new Object();

    private volatile SchedulerManager manager;
    private CustomTools custom;
    private Monitors monitors;
    private WorkloadStore workloads;

    public CliContext(SchedcpConfig config, Function<ManagerSettings, SchedulerManager> managerFactory) {
        this(config, managerFactory, SloClient::at, PolicyClient::at);
    }

    public CliContext(
            SchedcpConfig config,
            Function<ManagerSettings, SchedulerManager> managerFactory,
            Function<Path, SloControl> sloControls) {
        this(config, managerFactory, sloControls, PolicyClient::at);
    }

    public CliContext(
            SchedcpConfig config,
            Function<ManagerSettings, SchedulerManager> managerFactory,
            Function<Path, SloControl> sloControls,
            Function<Path, PolicyControl> policyControls) {
        this.config = config;
        this.managerFactory = managerFactory;
        this.sloControls = sloControls;
        this.policyControls = policyControls;
    }

    /** The context of a real run: the process environment, providers found by ServiceLoader and plugins. */
    public static CliContext fromEnvironment(SchedcpConfig config) {
        return new CliContext(
                config,
                settings -> SchedulerManager.builder()
                        .config(config)
                        .settings(settings)
                        .build());
    }

    public SchedcpConfig config() {
        return config;
    }

    public SchedulerManager manager() {
        return manager(ManagerSettings.DEFAULTS);
    }

    /** The manager; the settings count only on the first call. */
    public SchedulerManager manager(ManagerSettings settings) {
        synchronized (building) {
            if (manager == null) {
                SchedulerManager built = managerFactory.apply(settings);
                warn(built.problems());
                manager = built;
            }
            return manager;
        }
    }

    /** Custom schedulers: create, verify, remove; built on first use. */
    public synchronized CustomTools custom() {
        if (custom == null) {
            custom = CustomTools.of(config);
        }
        return custom;
    }

    /** Workload profiles and their run history, in {@code workloads.json} of the data directory. */
    public synchronized WorkloadStore workloads() {
        if (workloads == null) {
            workloads = WorkloadStore.of(config);
        }
        return workloads;
    }

    /**
     * The running scx_slo whose agent listens on {@code socket}, or by default on the socket in the schedcp
     * home; nothing is connected until a call.
     */
    public SloControl slo(Optional<Path> socket) {
        return sloControls.apply(socket.orElseGet(() -> SloSocket.in(config.home())));
    }

    /**
     * The running scx_userspace whose agent listens on {@code socket}, or by default on the socket in the
     * schedcp home; nothing is connected until a call.
     */
    public PolicyControl policy(Optional<Path> socket) {
        return policyControls.apply(socket.orElseGet(() -> PolicySocket.in(config.home())));
    }

    /**
     * The schedcp daemon of this host, when its socket exists ({@link SchedcpConfig#daemonSocket()}): then
     * {@code run}, {@code stop} and {@code status} go through it. The caller closes it.
     */
    public Optional<DaemonClient> daemon() {
        return DaemonClient.find(config.daemonSocket());
    }

    /** The system monitor a bench runs around each run. */
    public synchronized BenchHooks.RunMonitor runMonitor() {
        if (monitors == null) {
            monitors = Monitors.of(config);
        }
        return new SystemRunMonitor(monitors);
    }

    /** Prints what a store or the manager found wrong, one {@code schedcp: warning:} line each, on stderr. */
    public void warn(List<String> problems) {
        problems.forEach(p -> err().println("schedcp: warning: " + p));
        err().flush();
    }

    /**
     * Text goes to {@code out} and {@code err} with its control characters made visible; JSON goes as it is.
     * {@code stdout} is the process's real standard output, which {@code System.out} is not while a command runs.
     */
    void streams(PrintWriter out, PrintWriter err, PrintStream stdout) {
        this.stdout = stdout;
        this.jsonOut = out;
        this.out = VisibleText.printer(out);
        this.err = VisibleText.printer(err);
    }

    /** Where text results go, with control characters made visible ({@link VisibleText}). */
    public PrintWriter out() {
        return out;
    }

    /** Where schedcp's own messages go, with control characters made visible. */
    public PrintWriter err() {
        return err;
    }

    /** Prints {@code value} as JSON on stdout; JSON escapes control characters itself. */
    public void json(Object value) {
        out.flush();
        jsonOut.println(SchedcpJson.indented(value));
        jsonOut.flush();
    }

    /** The process's standard output as a stream, for the MCP protocol. */
    PrintStream stdout() {
        return stdout;
    }

    /** Stdout as it is, for schedcp's own terminal control (a line rewritten in place). */
    PrintWriter rawOut() {
        return jsonOut;
    }

    /**
     * Stops what the manager runs, if it was built. A manager still being built (a plugin blocked in its
     * {@code initialize()}) has started nothing, and is not waited for.
     */
    public void close() {
        synchronized (this) {
            if (monitors != null) {
                monitors.close();
            }
        }
        SchedulerManager built = manager;
        if (built != null) {
            built.close();
        }
    }
}
