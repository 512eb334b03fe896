package io.schedcp.daemon.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.schedcp.daemon.DaemonServices;

/**
 * The metrics of the host and of the agents, beside the daemon's own ({@link DaemonMetrics}): the system
 * monitor's figures, and those of a running scx_slo and scx_userspace, each read once per scrape.
 */
public final class HostMetrics {

    private HostMetrics() {}

    public static void register(PrometheusRegistry registry, DaemonServices services) {
        registry.register(new SystemMetrics(services.system()));
        registry.register(new SloMetrics(services.slo()));
        registry.register(new PolicyMetrics(services.policy()));
    }
}
