package io.schedcp.daemon;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.bench.BenchRunner;
import io.schedcp.core.bench.SystemRunMonitor;
import io.schedcp.core.bench.WorkloadRecorder;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.monitor.SnapshotSource;
import io.schedcp.core.monitor.SystemReader;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.bench.BenchExecutor;
import io.schedcp.slo.control.SloClient;
import io.schedcp.slo.control.SloControl;
import io.schedcp.slo.control.SloSocket;
import io.schedcp.userspace.control.PolicyClient;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.control.PolicySocket;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library objects the daemon's endpoints and metrics translate onto, besides the manager: the same ones the
 * CLI and the MCP server use, so that they all see one workload store and reach the same agents.
 *
 * @param workloads the workload profiles and their history
 * @param monitors the system monitors a bench runs around each run
 * @param system the reader of the host's figures (/proc, sched_ext) that the metrics read once per scrape
 * @param slo a running scx_slo, through its agent's socket
 * @param policy a running scx_userspace, through its agent's socket
 * @param bench what runs a bench
 */
public record DaemonServices(
        WorkloadStore workloads,
        Monitors monitors,
        SnapshotSource system,
        SloControl slo,
        PolicyControl policy,
        BenchExecutor bench) {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonServices.class);

    public DaemonServices {
        Objects.requireNonNull(workloads, "workloads");
        Objects.requireNonNull(monitors, "monitors");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(bench, "bench");
    }

    /**
     * This host's: the store and the agents' sockets in {@code config}'s home, its proc and sched_ext
     * directories, and the library's bench runner on {@code manager}, recording into the store.
     */
    public static DaemonServices of(SchedcpConfig config, SchedulerManager manager) {
        WorkloadStore workloads = WorkloadStore.of(config);
        Monitors monitors = Monitors.of(config);
        return new DaemonServices(
                workloads,
                monitors,
                new SystemReader(config.procDirectory(), config.schedExtDirectory()),
                SloClient.at(SloSocket.in(config.home())),
                PolicyClient.at(PolicySocket.in(config.home())),
                (plan, progress) -> {
                    try {
                        return new BenchRunner(manager, new SystemRunMonitor(monitors), new WorkloadRecorder(workloads))
                                .run(plan, progress);
                    } catch (InterruptedException e) {
                        // Cancelled: the runner has killed its command, but leaves its scheduler running.
                        stopQuietly(manager);
                        throw e;
                    }
                });
    }

    private static void stopQuietly(SchedulerManager manager) {
        try {
            manager.stopCurrent();
        } catch (SchedcpException e) {
            LOG.warn("the scheduler of a cancelled bench did not stop: {}", e.getMessage());
        }
    }
}
