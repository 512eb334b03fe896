package io.schedcp.daemon.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.schedcp.api.SchedcpException;
import io.schedcp.slo.control.SloControl;
import io.schedcp.slo.stats.GroupStatus;
import io.schedcp.slo.stats.LatencyPercentiles;
import io.schedcp.slo.stats.SloStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running scx_slo's figures per group, from one status of its agent per scrape: runs, misses, lateness,
 * budget, CPU share, and wake-to-run latency as a summary of the percentiles the agent reports (its socket
 * carries p50, p99 and p99.9, not the histogram's buckets). Absent while no scx_slo runs.
 */
final class SloMetrics implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(SloMetrics.class);
    /** The group label of the tasks in no configured group. */
    static final String UNCONFIGURED = "(unconfigured)";

    private final SloControl control;

    SloMetrics(SloControl control) {
        this.control = control;
    }

    @Override
    public MetricSnapshots collect() {
        SloStatus status;
        try {
            status = control.status();
        } catch (SchedcpException e) {
            LOG.trace("no scx_slo figures in this scrape: {}", e.getMessage());
            return MetricSnapshots.of();
        } catch (RuntimeException e) {
            LOG.warn("no scx_slo figures in this scrape", e);
            return MetricSnapshots.of();
        }
        List<GroupStatus> groups = new ArrayList<>(status.groups());
        groups.add(status.unconfigured());
        Families families = new Families();
        families.counter(
                "schedcp_slo_runs", "Wake-ups that got to run, by group.", each(groups, g -> (double) g.runs()));
        families.counter(
                "schedcp_slo_misses",
                "Wake-ups that ran after their deadline (wake-up plus budget), by group.",
                each(groups, g -> (double) g.misses()));
        families.gauge(
                "schedcp_slo_miss_ratio", "Misses over runs (0..1), by group.", each(groups, GroupStatus::missRatio));
        families.gauge(
                "schedcp_slo_lateness_mean_seconds",
                "The mean lateness of the misses, by group; 0 before any miss.",
                each(groups, g -> g.meanLatenessNs() / 1e9));
        families.gauge(
                "schedcp_slo_lateness_max_seconds",
                "The latest a miss ran after its deadline, by group.",
                each(groups, g -> g.maxLatenessNs() / 1e9));
        families.gauge(
                "schedcp_slo_budget_seconds",
                "The wake-to-run budget, by group (for the unconfigured tasks, the default).",
                each(groups, g -> g.budgetNs() / 1e9));
        List<Families.Point> shares = new ArrayList<>();
        groups.forEach(g -> g.cpuShare().ifPresent(share -> shares.add(new Families.Point(share, labels(g)))));
        families.gauge(
                "schedcp_slo_cpu_share_ratio",
                "CPU time over the agent's last interval times the CPUs (0..1), by group.",
                shares);
        families.counter(
                "schedcp_slo_dropped_events",
                "Misses not sent as events (the rate limit or a full ring buffer), by group.",
                each(groups, g -> (double) g.droppedEvents()));
        families.counter(
                "schedcp_slo_throttled",
                "Enqueues pushed back because the group was over its max_cpu_pct.",
                each(groups, g -> (double) g.throttled()));
        List<Families.Percentiles> latency = new ArrayList<>();
        for (GroupStatus g : groups) {
            g.wakeToRun().ifPresent(p -> latency.add(percentiles(g, p)));
        }
        families.summary(
                "schedcp_slo_wake_to_run_seconds",
                "Wake-to-run latency by group: the 0.5, 0.99 and 0.999 quantiles of scx_slo's log2 histogram"
                        + " (within a factor of two), over every run counted.",
                latency);
        return families.build();
    }

    private static Families.Percentiles percentiles(GroupStatus g, LatencyPercentiles p) {
        return new Families.Percentiles(g.runs(), p.p50Ns() / 1e9, p.p99Ns() / 1e9, p.p999Ns() / 1e9, labels(g));
    }

    private static List<Families.Point> each(List<GroupStatus> groups, Function<GroupStatus, Double> value) {
        return groups.stream()
                .map(g -> new Families.Point(value.apply(g), labels(g)))
                .toList();
    }

    private static Labels labels(GroupStatus g) {
        return Labels.of("group", g.cgroup().orElse(UNCONFIGURED));
    }
}
