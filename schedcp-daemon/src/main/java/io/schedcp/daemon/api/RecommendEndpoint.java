package io.schedcp.daemon.api;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.recommend.Recommendation;
import io.schedcp.core.recommend.Recommender;
import io.schedcp.core.workload.Tagger;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Routes;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/recommend}: the schedulers ranked for a stored workload ({@code ?workload=ID}, whose measured
 * history counts in full) or for one described in words ({@code ?description=...}). It changes nothing, so it is a
 * GET with its input in the query.
 */
final class RecommendEndpoint {

    /** How many it ranks when {@code limit} is not given. */
    static final int DEFAULT_LIMIT = 10;

    static final int MAX_LIMIT = 100;

    /** The ranking, best first. */
    record Ranked(List<Recommendation> recommendations) {}

    private RecommendEndpoint() {}

    static void register(Routes routes, SchedulerManager manager, WorkloadStore store) {
        routes.add(
                "GET",
                "/api/v1/recommend",
                Access.READ,
                "Ranks the schedulers for ?workload=ID (a stored workload) or ?description=TEXT, each with its reason;"
                        + " those that can run here first. ?limit=N (default " + DEFAULT_LIMIT + ") caps the list.",
                request -> {
                    Optional<String> workload = request.query("workload").filter(w -> !w.isBlank());
                    Optional<String> description = request.query("description").filter(d -> !d.isBlank());
                    if (workload.isPresent() == description.isPresent()) {
                        throw new SchedcpException(
                                Kind.INVALID_INPUT,
                                "give either ?workload=ID (a stored workload, see GET /api/v1/workloads) or"
                                        + " ?description=TEXT (the workload in words), not both and not neither");
                    }
                    int limit = limit(request.query("limit"));
                    Recommender recommender = new Recommender(manager.list(), store, Tagger.standard());
                    List<Recommendation> ranked = workload.isPresent()
                            ? recommender.forWorkload(workload.get())
                            : recommender.forDescription(description.get());
                    return ApiResponse.ok(new Ranked(List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())))));
                });
    }

    private static int limit(Optional<String> text) {
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get().strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Refused below, with the range.
        }
        throw new SchedcpException(
                Kind.INVALID_INPUT, "?limit=" + text.get() + " is not a whole number from 1 to " + MAX_LIMIT);
    }
}
