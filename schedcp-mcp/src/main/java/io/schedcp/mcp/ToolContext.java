package io.schedcp.mcp;

import io.schedcp.bpf.custom.CustomSchedulers;
import io.schedcp.bpf.custom.CustomVerifier;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.slo.control.SloControl;
import io.schedcp.userspace.control.PolicyControl;
import java.util.Objects;

/**
 * What the tools work with: the library objects the server was built on, and a way to say that the
 * catalog changed (a custom scheduler was added) so that its resources follow.
 *
 * @param manager          every provider's schedulers, and the one this server runs
 * @param customSchedulers creates custom schedulers from BPF C source
 * @param customVerifier   verifies them in a real sched_ext kernel
 * @param catalogChanged   called after a tool added or removed a scheduler
 * @param workloads        workload profiles and their history, shared with the CLI through the same file
 * @param monitors         the system monitors this server runs
 * @param slo              the scx_slo another process runs, reached through its agent's socket at each call
 * @param policy           the scx_userspace another process runs, reached the same way
 * @param daemon           the schedcp daemon that owns the host's scheduler when one runs, looked for at each call
 */
public record ToolContext(
        SchedulerManager manager,
        CustomSchedulers customSchedulers,
        CustomVerifier customVerifier,
        Runnable catalogChanged,
        WorkloadStore workloads,
        Monitors monitors,
        SloControl slo,
        PolicyControl policy,
        DaemonFinder daemon) {

    /** A context with no daemon: the server owns the schedulers it starts. */
    public ToolContext(
            SchedulerManager manager,
            CustomSchedulers customSchedulers,
            CustomVerifier customVerifier,
            Runnable catalogChanged,
            WorkloadStore workloads,
            Monitors monitors,
            SloControl slo,
            PolicyControl policy) {
        this(
                manager,
                customSchedulers,
                customVerifier,
                catalogChanged,
                workloads,
                monitors,
                slo,
                policy,
                DaemonFinder.none());
    }

    public ToolContext {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(customSchedulers, "customSchedulers");
        Objects.requireNonNull(customVerifier, "customVerifier");
        Objects.requireNonNull(catalogChanged, "catalogChanged");
        Objects.requireNonNull(workloads, "workloads");
        Objects.requireNonNull(monitors, "monitors");
        Objects.requireNonNull(slo, "slo");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(daemon, "daemon");
    }
}
