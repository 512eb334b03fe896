package io.schedcp.daemon.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.schedcp.api.SchedcpException;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.control.PolicyStatus;
import io.schedcp.userspace.loop.LoopStats;
import io.schedcp.userspace.stats.UserspaceCounters;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running scx_userspace's figures, from one status of its agent per scrape: the policy, BPF's counters, the
 * decision loop's counters, and the enqueue-to-dispatch round trip as a summary of the percentiles the agent
 * reports (its socket carries p50, p99 and p99.9, not the histogram's buckets). Absent while no scx_userspace
 * runs.
 */
final class PolicyMetrics implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyMetrics.class);

    private final PolicyControl control;

    PolicyMetrics(PolicyControl control) {
        this.control = control;
    }

    @Override
    public MetricSnapshots collect() {
        PolicyStatus status;
        try {
            status = control.status();
        } catch (SchedcpException e) {
            LOG.trace("no scx_userspace figures in this scrape: {}", e.getMessage());
            return MetricSnapshots.of();
        } catch (RuntimeException e) {
            LOG.warn("no scx_userspace figures in this scrape", e);
            return MetricSnapshots.of();
        }
        UserspaceCounters c = status.counters();
        LoopStats loop = status.loop();
        return new Families()
                .gauge(
                        "schedcp_userspace_policy",
                        "The policy scx_userspace runs: 1, with its name.",
                        List.of(Families.point(1, "policy", status.policy())))
                .counter(
                        "schedcp_userspace_tasks",
                        "What scx_userspace's BPF side did with tasks, by event: queued (sent to Java),"
                                + " user_dispatched (as the policy decided), fallback, cancelled, failed, direct,"
                                + " demoted, ring_full; stalls counts the times Java went silent.",
                        List.of(
                                event(c.queued(), "queued"),
                                event(c.userDispatched(), "user_dispatched"),
                                event(c.fallback(), "fallback"),
                                event(c.cancelled(), "cancelled"),
                                event(c.failed(), "failed"),
                                event(c.direct(), "direct"),
                                event(c.demoted(), "demoted"),
                                event(c.stalls(), "stalls"),
                                event(c.ringFull(), "ring_full")))
                .counter(
                        "schedcp_userspace_loop",
                        "What the agent's decision loop did, by event: tasks_read, dispatched, kept, ring_full,"
                                + " malformed.",
                        List.of(
                                event(loop.tasksRead(), "tasks_read"),
                                event(loop.dispatched(), "dispatched"),
                                event(loop.kept(), "kept"),
                                event(loop.ringFull(), "ring_full"),
                                event(loop.malformed(), "malformed")))
                .summary(
                        "schedcp_userspace_round_trip_seconds",
                        "The enqueue-to-dispatch round trip through Java: the 0.5, 0.99 and 0.999 quantiles of"
                                + " BPF's histogram (within 25 %), over every round trip counted.",
                        List.of(new Families.Percentiles(
                                status.roundTrips(),
                                status.rttP50Ns() / 1e9,
                                status.rttP99Ns() / 1e9,
                                status.rttP999Ns() / 1e9,
                                Labels.EMPTY)))
                .build();
    }

    private static Families.Point event(long value, String event) {
        return Families.point((double) value, "event", event);
    }
}
