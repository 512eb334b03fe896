package io.schedcp.daemon.api;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.core.workload.RunOutcome;
import io.schedcp.core.workload.RunRecord;
import io.schedcp.core.workload.WorkloadProfile;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Route;
import io.schedcp.daemon.http.Routes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/workloads}: the workload profiles and the history of their runs, in the store the CLI and the MCP
 * server share ({@code workloads.json} in the schedcp home).
 */
final class WorkloadEndpoints {

    /** The body of a create: the workload in words, and a short name (by default its first words). */
    record Create(String description, String name) {}

    /** The body of a run to record. */
    record AddRun(String scheduler, List<String> args, String result, Map<String, Double> metrics, String failed) {}

    /** The list, and what went wrong with the file (a corrupt one moved aside), if anything. */
    record Listing(List<WorkloadProfile> workloads, List<String> problems) {}

    /** One workload's runs, oldest first. */
    record History(String workloadId, List<HistoryEntry> history) {}

    private WorkloadEndpoints() {}

    static void register(Routes routes, WorkloadStore store) {
        routes.add(
                "GET",
                "/api/v1/workloads",
                Access.READ,
                "Every workload profile, oldest first, with its tags.",
                request -> ApiResponse.ok(new Listing(store.list(), store.problems())));
        routes.add(new Route(
                "POST",
                "/api/v1/workloads",
                Access.WRITE,
                "Creates a workload from its description in words; its tags are derived from it.",
                Optional.of("{\"description\": \"nightly kernel build, make -j32\", \"name\": \"kbuild\"}"),
                201,
                request -> {
                    Create create = request.body(
                            Create.class, "a JSON object such as {\"description\": \"latency-sensitive web server\"}");
                    if (create.description() == null || create.description().isBlank()) {
                        throw new SchedcpException(
                                Kind.INVALID_INPUT,
                                "the body has no \"description\"; say in a few words what runs and what matters to"
                                        + " it, such as \"kernel build with make -j32, as fast as possible\"");
                    }
                    return new ApiResponse(
                            201,
                            store.create(create.description(), Optional.ofNullable(create.name())),
                            ApiResponse.JSON);
                }));
        routes.add(
                "GET",
                "/api/v1/workloads/{id}",
                Access.READ,
                "One workload profile: its name, description, tags and creation time.",
                request -> ApiResponse.ok(store.require(request.path("id"))));
        routes.add(
                "GET",
                "/api/v1/workloads/{id}/history",
                Access.READ,
                "The runs recorded for a workload (by benches and by hand), oldest first.",
                request -> {
                    WorkloadProfile workload = store.require(request.path("id"));
                    return ApiResponse.ok(new History(workload.id(), store.history(workload.id())));
                });
        routes.add(new Route(
                "POST",
                "/api/v1/workloads/{id}/history",
                Access.WRITE,
                "Records a run of a scheduler under a workload, with its figures; the recommendations weigh them.",
                Optional.of("{\"scheduler\": \"scx_bpfland\", \"result\": \"p99 down a third\", \"metrics\":"
                        + " {\"latency_p99_us\": 420}, \"args\": [], \"failed\": null}"),
                201,
                request -> {
                    AddRun run = request.body(
                            AddRun.class,
                            "a JSON object such as {\"scheduler\": \"scx_bpfland\", \"result\": \"...\","
                                    + " \"metrics\": {\"wall_time_s\": 81.2}}");
                    return new ApiResponse(201, store.addHistory(request.path("id"), record(run)), ApiResponse.JSON);
                }));
    }

    private static RunRecord record(AddRun run) {
        if (run.args() != null && run.args().stream().anyMatch(a -> a == null)) {
            throw new SchedcpException(Kind.INVALID_INPUT, "\"args\" holds a null; give strings only");
        }
        return new RunRecord(
                run.scheduler(),
                run.args(),
                Optional.empty(),
                Instant.now(),
                Optional.empty(),
                Optional.empty(),
                run.result(),
                run.metrics(),
                run.failed() == null ? RunOutcome.ok() : RunOutcome.failed(run.failed()));
    }
}
