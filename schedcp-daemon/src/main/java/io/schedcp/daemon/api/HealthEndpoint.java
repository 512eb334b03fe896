package io.schedcp.daemon.api;

import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Routes;
import io.schedcp.daemon.supervise.Supervisor;

/** {@code /healthz}: that the daemon answers, and its scheduler's phase; no token needed, for probes. */
final class HealthEndpoint {

    record Health(String status, String phase) {}

    private HealthEndpoint() {}

    static void register(Routes routes, Supervisor supervisor) {
        routes.add(
                "GET",
                "/healthz",
                Access.PUBLIC,
                "That the daemon answers, and its scheduler's phase. Needs no token.",
                request -> ApiResponse.ok(
                        new Health("ok", supervisor.status().phase().name())));
    }
}
