package io.schedcp.daemon.api;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.core.manager.SchedulerEntry;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Routes;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/schedulers}: the catalog, as summaries, and one scheduler's full descriptor. */
final class SchedulerEndpoints {

    /** One scheduler in the list: enough to choose, without the whole descriptor. */
    record Summary(
            String name,
            String qualifiedName,
            String provider,
            boolean productionReady,
            boolean available,
            Optional<String> whyUnavailable,
            String description) {

        static Summary of(SchedulerEntry entry) {
            SchedulerDescriptor d = entry.descriptor();
            return new Summary(
                    entry.reachableName(),
                    d.qualifiedName(),
                    d.provider(),
                    d.productionReady(),
                    entry.availability().isAvailable(),
                    why(entry.availability()),
                    d.description());
        }
    }

    /** One scheduler: its descriptor and whether it can run here. */
    record Detail(SchedulerDescriptor descriptor, boolean available, Optional<String> whyUnavailable) {}

    /** The list. */
    record Listing(List<Summary> schedulers) {}

    private SchedulerEndpoints() {}

    static void register(Routes routes, SchedulerManager manager) {
        routes.add(
                "GET",
                "/api/v1/schedulers",
                Access.READ,
                "The schedulers of every provider, each with whether it can run on this host.",
                request -> ApiResponse.ok(
                        new Listing(manager.list().stream().map(Summary::of).toList())));
        routes.add(
                "GET",
                "/api/v1/schedulers/{name}",
                Access.READ,
                "One scheduler's full descriptor (algorithm, use cases, tuning flags, requirements) and availability.",
                request -> {
                    SchedulerEntry entry = manager.require(request.path("name"));
                    return ApiResponse.ok(new Detail(
                            entry.descriptor(), entry.availability().isAvailable(), why(entry.availability())));
                });
    }

    private static Optional<String> why(Availability availability) {
        return availability instanceof Availability.Unavailable u ? Optional.of(u.reason()) : Optional.empty();
    }
}
