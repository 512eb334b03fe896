package io.schedcp.daemon.api;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.bench.BenchProgress;
import io.schedcp.core.bench.BenchRun;
import io.schedcp.core.bench.Comparison;
import io.schedcp.core.bench.ComparisonText;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.bench.BenchJob;
import io.schedcp.daemon.bench.BenchJobs;
import io.schedcp.daemon.http.ApiResponse;
import io.schedcp.daemon.http.Route;
import io.schedcp.daemon.http.Routes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/bench}: a command run under several schedulers, compared, and recorded in a workload's history,
 * as a job in the background. {@code POST} starts it and answers 202 with its id; {@code GET .../{job}} gives its
 * state, its latest step and, once done, every run and the comparison; {@code GET .../{job}/events} streams its
 * steps as server-sent events; {@code DELETE .../{job}} cancels it. One bench at a time, and none while the
 * daemon's scheduler runs ({@link BenchJobs}): 409 otherwise.
 */
final class BenchEndpoints {

    /** How often an event stream with nothing to say sends a comment, so that proxies and clients keep it. */
    static final Duration KEEPALIVE = Duration.ofSeconds(10);

    /**
     * The body of a POST.
     *
     * @param schedulers in order; {@code default} is the kernel's own
     * @param runs per scheduler (default {@value BenchPlan#DEFAULT_RUNS})
     */
    record Start(String workloadId, List<String> schedulers, List<String> command, Integer runs) {}

    /** One step: {@code step} of {@code steps}, the scheduler and its run, and what happens. */
    record Step(int step, int steps, String scheduler, int run, int runs, String message, String line) {

        static Step of(BenchProgress p) {
            return new Step(p.step(), p.steps(), p.scheduler(), p.run(), p.runs(), p.message(), p.line());
        }
    }

    /** A finished bench: every run, the comparison, and the comparison as a text table. */
    record Outcome(List<BenchRun> runs, Comparison comparison, String table) {}

    /** What was asked. */
    record Plan(String workloadId, List<String> schedulers, List<String> command, int runs) {}

    /** A job as GET shows it. */
    record Job(
            String id,
            String state,
            Plan plan,
            Instant startedAt,
            Optional<Instant> endedAt,
            Optional<Step> progress,
            Optional<Outcome> result,
            Optional<BenchJob.Failure> error) {

        static Job of(BenchJob.Snapshot s) {
            BenchPlan p = s.plan();
            return new Job(
                    s.id(),
                    s.state().name().toLowerCase(java.util.Locale.ROOT),
                    new Plan(p.workloadId(), p.schedulers(), p.command(), p.runs()),
                    s.startedAt(),
                    s.endedAt(),
                    s.progress().map(Step::of),
                    s.result().map(r -> new Outcome(r.runs(), r.comparison(), ComparisonText.render(r.comparison()))),
                    s.failure());
        }
    }

    /** The answer to POST: the job's id, where to follow it, and the job as it started. */
    record Started(String job, String follow, String events, Job status) {}

    private BenchEndpoints() {}

    static void register(Routes routes, SchedulerManager manager, WorkloadStore store, BenchJobs benches) {
        routes.add(new Route(
                "POST",
                "/api/v1/bench",
                Access.WRITE,
                "Starts a bench: for each scheduler ('default' is the kernel's own), start it, run the command"
                        + " 'runs' times with the system monitor on, record each run in the workload's history, stop"
                        + " it. Answers at once with the job's id. 409 while another bench or the daemon's scheduler"
                        + " runs.",
                Optional.of("{\"workload_id\": \"w-1a2b3c4d\", \"schedulers\": [\"default\", \"scx_simple\"],"
                        + " \"command\": [\"hackbench\", \"-g\", \"4\"], \"runs\": 3}"),
                202,
                request -> {
                    Start start = request.body(
                            Start.class,
                            "a JSON object such as {\"workload_id\": \"w-1a2b3c4d\", \"schedulers\": [\"default\","
                                    + " \"scx_simple\"], \"command\": [\"hackbench\"]}");
                    BenchPlan plan = plan(start, manager, store);
                    BenchJob job = benches.start(plan);
                    String follow = "/api/v1/bench/" + job.id();
                    return ApiResponse.accepted(
                            new Started(job.id(), follow, follow + "/events", Job.of(job.snapshot())));
                }));
        routes.add(
                "GET",
                "/api/v1/bench/{job}",
                Access.READ,
                "A bench job's state (running, succeeded, failed, cancelled), its latest step (step n of m and what happens),"
                        + " and, once it succeeded, every run and the comparison.",
                request ->
                        ApiResponse.ok(Job.of(job(benches, request.path("job")).snapshot())));
        routes.add(new Route(
                "DELETE",
                "/api/v1/bench/{job}",
                Access.WRITE,
                "Cancels a running bench job: its command is killed and its scheduler stopped, and it ends as"
                        + " cancelled; the runs done so far stay in the history. 409 when it has ended.",
                Optional.empty(),
                202,
                request -> {
                    BenchJob job = benches.cancel(job(benches, request.path("job")));
                    return ApiResponse.accepted(Job.of(job.snapshot()));
                }));
        routes.add(
                "GET",
                "/api/v1/bench/{job}/events",
                Access.READ,
                "A bench job's steps as server-sent events (text/event-stream): every step so far, then each new one"
                        + " as 'event: progress', and at the end 'event: end' with the job as GET gives it.",
                request -> {
                    BenchJob job = job(benches, request.path("job"));
                    return ApiResponse.stream(ApiResponse.EVENT_STREAM, out -> events(job, out));
                });
    }

    /** The plan {@code start} asks for, every name checked before the job starts. */
    static BenchPlan plan(Start start, SchedulerManager manager, WorkloadStore store) {
        if (start.workloadId() == null || start.workloadId().isBlank()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "the body has no \"workload_id\"; name the workload whose history gets the runs (POST"
                            + " /api/v1/workloads makes one)");
        }
        String workload = store.require(start.workloadId()).id();
        List<String> schedulers = strings("schedulers", start.schedulers());
        for (String scheduler : schedulers) {
            if (!scheduler.equals(BenchPlan.DEFAULT)) {
                manager.require(scheduler);
            }
        }
        BenchPlan plan = BenchPlan.of(workload, schedulers, strings("command", start.command()));
        return start.runs() == null ? plan : plan.withRuns(start.runs());
    }

    private static List<String> strings(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "\"" + field + "\" holds a null or a blank; give non-blank strings only");
        }
        return List.copyOf(values);
    }

    private static BenchJob job(BenchJobs benches, String id) {
        return benches.find(id)
                .orElseThrow(() -> new SchedcpException(
                        Kind.NOT_FOUND,
                        "there is no bench job " + id + " (the daemon keeps the latest ones until it stops); POST"
                                + " /api/v1/bench starts one"));
    }

    /** Writes the job's steps as they come, then its end; a comment every {@link #KEEPALIVE} in between. */
    static void events(BenchJob job, OutputStream out) throws IOException, InterruptedException {
        int seen = 0;
        while (true) {
            BenchJob.Snapshot now = job.awaitSteps(seen, KEEPALIVE);
            List<BenchProgress> steps = now.steps();
            if (steps.size() == seen && !now.state().isFinal()) {
                write(out, ": still running\n\n");
                continue;
            }
            for (; seen < steps.size(); seen++) {
                write(
                        out,
                        "id: " + (seen + 1) + "\nevent: progress\ndata: " + SchedcpJson.line(Step.of(steps.get(seen)))
                                + "\n\n");
            }
            if (now.state().isFinal()) {
                write(out, "event: end\ndata: " + SchedcpJson.line(Job.of(now)) + "\n\n");
                return;
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
