package io.schedcp.daemon.api;

import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.DaemonServices;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.bench.BenchJobs;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Routes;
import io.schedcp.daemon.metrics.DaemonMetrics;
import io.schedcp.daemon.mode.DaemonModes;
import io.schedcp.daemon.supervise.Supervisor;

/** The daemon's route table: every endpoint group, then the OpenAPI document made from them all. */
public final class DaemonApi {

    private DaemonApi() {}

    public static Routes routes(
            SchedulerManager manager,
            Supervisor supervisor,
            DaemonModes modes,
            DaemonMetrics metrics,
            DaemonServices services,
            BenchJobs benches,
            String version) {
        Routes routes = new Routes();
        HealthEndpoint.register(routes, supervisor);
        SchedulerEndpoints.register(routes, manager);
        ExecutionEndpoints.register(routes, manager, supervisor, benches);
        ModeEndpoints.register(routes, modes);
        WorkloadEndpoints.register(routes, services.workloads());
        RecommendEndpoint.register(routes, manager, services.workloads());
        BenchEndpoints.register(routes, manager, services.workloads(), benches);
        SloEndpoints.register(routes, services.slo());
        StrategyEndpoints.register(routes, services.policy());
        routes.add(
                "GET",
                "/metrics",
                Access.READ,
                "The daemon's figures in the Prometheus text format.",
                request -> ApiResponse.text(metrics.scrape(), DaemonMetrics.CONTENT_TYPE));
        routes.add(
                "GET",
                "/api/v1/openapi.json",
                Access.READ,
                "This document: every endpoint the daemon serves, made from its route table.",
                request -> ApiResponse.ok(OpenApiDocument.of(routes.all(), version)));
        return routes;
    }
}
