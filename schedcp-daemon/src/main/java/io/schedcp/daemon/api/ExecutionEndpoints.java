package io.schedcp.daemon.api;

import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.bench.BenchJobs;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Route;
import io.schedcp.daemon.http.Routes;
import io.schedcp.daemon.supervise.Supervisor;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/execution}: the daemon's one scheduler. {@code POST} asks for one and answers 202 at once with
 * a request number; {@code GET} shows where it is (follow a request until {@code status.request} has reached it
 * and {@code status.settled} holds); {@code DELETE} stops it. Both are refused (409) while a bench runs, since a
 * bench starts schedulers of its own ({@link BenchJobs}).
 */
final class ExecutionEndpoints {

    /** How many of the scheduler's last output lines a status carries. */
    static final int OUTPUT_LINES = 20;

    /**
     * The body of a run request.
     *
     * @param name the scheduler, plain or qualified (scx_simple, scx:scx_simple)
     * @param args its flags
     * @param replaceForeign whether a scheduler another program runs may be stopped for it (default false)
     */
    record RunRequest(String name, List<String> args, Boolean replaceForeign) {}

    /** The kernel's side of a status. */
    record Kernel(String state, Optional<String> ops, long enableSeq, long nrRejected) {

        static Kernel of(SchedExtState state) {
            return new Kernel(state.state(), state.ops(), state.enableSeq(), state.nrRejected());
        }
    }

    /** The answer to POST and DELETE: the request's number, and the status when it was taken. */
    record Taken(long request, SupervisorStatus status) {}

    /** The answer to GET. */
    record Status(SupervisorStatus status, Kernel kernel, List<String> lastOutput) {}

    private ExecutionEndpoints() {}

    static void register(Routes routes, SchedulerManager manager, Supervisor supervisor, BenchJobs benches) {
        routes.add(new Route(
                "POST",
                "/api/v1/execution",
                Access.WRITE,
                "Runs a scheduler in place of the daemon's current one, restarting it if it ends; answers at once"
                        + " with the request's number, to follow with GET.",
                Optional.of(
                        "{\"name\": \"scx_simple\", \"args\": [\"--slice-us\", \"5000\"], \"replace_foreign\": false}"),
                202,
                request -> {
                    RunRequest run = request.body(
                            RunRequest.class, "a JSON object such as {\"name\": \"scx_simple\", \"args\": []}");
                    if (run.name() == null || run.name().isBlank()) {
                        throw new SchedcpException(
                                Kind.INVALID_INPUT,
                                "the body has no \"name\"; name the scheduler to run, e.g. scx_simple");
                    }
                    List<String> args = run.args() == null ? List.of() : run.args();
                    if (args.stream().anyMatch(a -> a == null)) {
                        throw new SchedcpException(Kind.INVALID_INPUT, "\"args\" holds a null; give strings only");
                    }
                    Supervisor.Accepted accepted = benches.whileNoBench(
                            "run " + run.name(),
                            () -> supervisor.run(run.name(), args, Boolean.TRUE.equals(run.replaceForeign())));
                    return ApiResponse.accepted(new Taken(accepted.request(), accepted.status()));
                }));
        routes.add(
                "GET",
                "/api/v1/execution",
                Access.READ,
                "Where the daemon's scheduler is (phase, restarts, last failure), the kernel's state, and the"
                        + " scheduler's last output.",
                request -> ApiResponse.ok(status(manager, supervisor)));
        routes.add(new Route(
                "DELETE",
                "/api/v1/execution",
                Access.WRITE,
                "Stops the daemon's scheduler and does not restart it: the kernel goes back to its default scheduler.",
                Optional.empty(),
                202,
                request -> {
                    Supervisor.Accepted accepted = benches.whileNoBench("stop its scheduler", supervisor::stop);
                    return ApiResponse.accepted(new Taken(accepted.request(), accepted.status()));
                }));
    }

    static Status status(SchedulerManager manager, Supervisor supervisor) {
        SupervisorStatus status = supervisor.status();
        List<String> output = status.executionId()
                .flatMap(manager::execution)
                .map(e -> e.status().lastOutput())
                .map(lines -> List.copyOf(lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size())))
                .orElse(List.of());
        return new Status(status, Kernel.of(manager.kernelState()), output);
    }
}
