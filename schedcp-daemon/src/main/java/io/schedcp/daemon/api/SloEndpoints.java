package io.schedcp.daemon.api;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Route;
import io.schedcp.daemon.http.Routes;
import io.schedcp.slo.config.SloLimits;
import io.schedcp.slo.control.GroupChange;
import io.schedcp.slo.control.SloControl;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code /api/v1/slo/groups}: the figures of the scx_slo that runs (started through the daemon or not), and one
 * of its groups changed while it schedules, through its agent's socket. 503 when no scx_slo runs.
 *
 * <p>{@code {cgroup}} is one path segment: a cgroup directly under the cgroup2 mount, as the config names it
 * ({@code lat}). A nested cgroup's path has slashes, which a path segment cannot carry. The client's "not
 * running" message says how to start scx_slo.
 */
final class SloEndpoints {

    /** The body of a PUT: the fields given are set, the others kept. */
    record Change(BigDecimal budgetMs, Long importance, Long maxCpuPct) {}

    private SloEndpoints() {}

    static void register(Routes routes, SloControl control) {
        routes.add(
                "GET",
                "/api/v1/slo/groups",
                Access.READ,
                "The running scx_slo's figures: each configured group's and the unconfigured tasks' runs, misses,"
                        + " wake-to-run percentiles, lateness and CPU share, and the latest misses. 503 when no"
                        + " scx_slo runs.",
                request -> ApiResponse.ok(control.status()));
        routes.add(new Route(
                "PUT",
                "/api/v1/slo/groups/{cgroup}",
                Access.WRITE,
                "Changes one group of the running scx_slo at once, without a restart (a new cgroup needs budget_ms);"
                        + " the change holds until the config file is edited again. Answers the group as applied.",
                Optional.of("{\"budget_ms\": 2, \"importance\": 50, \"max_cpu_pct\": 100}"),
                200,
                request -> {
                    Change body =
                            request.body(Change.class, "a JSON object such as {\"budget_ms\": 2, \"importance\": 50}");
                    GroupChange change = change(request.path("cgroup"), body);
                    return ApiResponse.ok(control.set(change));
                }));
    }

    /** The change asked for, every value checked before anything is connected. */
    static GroupChange change(String cgroup, Change body) {
        if (body.budgetMs() == null && body.importance() == null && body.maxCpuPct() == null) {
            throw invalid("the body changes nothing; give at least one of budget_ms, importance and max_cpu_pct,"
                    + " such as {\"budget_ms\": 2}");
        }
        OptionalLong budgetNs = OptionalLong.empty();
        if (body.budgetMs() != null) {
            budgetNs = SloLimits.budgetNs(body.budgetMs());
            if (budgetNs.isEmpty()) {
                throw invalid("budget_ms is " + body.budgetMs().toPlainString() + ", out of range: give a budget from "
                        + SloLimits.budgetRangeMs());
            }
        }
        return new GroupChange(
                cgroup,
                budgetNs,
                within("importance", body.importance(), SloLimits.MIN_IMPORTANCE, SloLimits.MAX_IMPORTANCE),
                within("max_cpu_pct", body.maxCpuPct(), SloLimits.MIN_MAX_CPU_PCT, SloLimits.MAX_MAX_CPU_PCT));
    }

    private static OptionalInt within(String field, Long value, int min, int max) {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!SloLimits.within(value, min, max)) {
            throw invalid(field + " is " + value + ", out of range: give a whole number from " + min + " to " + max);
        }
        return OptionalInt.of(value.intValue());
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
