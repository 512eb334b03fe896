package io.schedcp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.daemon.api.TestDaemon.Answer;
import io.schedcp.daemon.supervise.Phase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class BenchEndpointsTest {

    @TempDir
    Path temp;

    private TestDaemon host;
    private final ScriptedBench bench = new ScriptedBench();

    private TestDaemon scripted() {
        host = TestDaemon.start(
                temp, FakeSloControl.notRunning(), FakePolicyControl.notRunning(temp.resolve("u.sock")), bench);
        return host;
    }

    @AfterEach
    void stop() {
        bench.allowAll();
        host.close();
    }

    private String workload() {
        return host.call("POST", "/api/v1/workloads", "{\"description\": \"hackbench\"}")
                .json()
                .path("id")
                .asString();
    }

    private String body(String workload, String schedulers, int runs) {
        return "{\"workload_id\": \"" + workload + "\", \"schedulers\": " + schedulers
                + ", \"command\": [\"hackbench\", \"-g\", \"4\"], \"runs\": " + runs + "}";
    }

    private JsonNode awaitJob(String job, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode now = host.call("GET", "/api/v1/bench/" + job).json();
        while (!done.test(now) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = host.call("GET", "/api/v1/bench/" + job).json();
        }
        assertThat(done.test(now))
                .as("job %s reached the state in time: %s", job, now)
                .isTrue();
        return now;
    }

    @Test
    void aStartedBenchAnswers202ThenShowsItsStepsAndFinallyItsResult() throws Exception {
        scripted();
        String workload = workload();

        Answer started = host.call("POST", "/api/v1/bench", body(workload, "[\"default\", \"fake_a\"]", 2));

        assertThat(started.status()).isEqualTo(202);
        String job = started.json().path("job").asString();
        assertThat(started.json().path("follow").asString()).isEqualTo("/api/v1/bench/" + job);
        assertThat(started.json().path("events").asString()).isEqualTo("/api/v1/bench/" + job + "/events");
        bench.allow(1);
        JsonNode midway = awaitJob(job, j -> j.path("progress").path("step").asInt() == 1);
        assertThat(midway.path("state").asString()).isEqualTo("running");
        assertThat(midway.path("progress").path("steps").asInt()).isEqualTo(4);
        assertThat(midway.path("progress").path("line").asString()).isEqualTo("[1/4] default run 1/2: done in 1.50 s");
        assertThat(midway.path("result").isMissingNode()).isTrue();

        bench.allowAll();
        JsonNode done = awaitJob(job, j -> j.path("state").asString().equals("succeeded"));

        assertThat(done.path("ended_at").asString()).isNotBlank();
        assertThat(done.path("plan").path("schedulers").size()).isEqualTo(2);
        assertThat(done.path("result").path("runs").size()).isEqualTo(4);
        assertThat(done.path("result").path("comparison").path("baseline").asString())
                .isEqualTo("default");
        assertThat(done.path("result").path("table").asString()).contains("fake_a");
    }

    @Test
    void aSecondBenchWhileOneRunsIsAConflict() throws Exception {
        scripted();
        String workload = workload();
        String job = host.call("POST", "/api/v1/bench", body(workload, "[\"default\"]", 1))
                .json()
                .path("job")
                .asString();

        Answer second = host.call("POST", "/api/v1/bench", body(workload, "[\"default\"]", 1));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.kind()).isEqualTo("CONFLICT");
        assertThat(second.message()).contains("bench job " + job + " runs");
        bench.allowAll();
        awaitJob(job, j -> j.path("state").asString().equals("succeeded"));
        assertThat(host.call("POST", "/api/v1/bench", body(workload, "[\"default\"]", 1))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void theExecutionIsRefusedWhileABenchRuns() throws Exception {
        scripted();
        String workload = workload();
        host.call("POST", "/api/v1/bench", body(workload, "[\"fake_a\"]", 1));

        Answer run = host.call("POST", "/api/v1/execution", "{\"name\": \"fake_b\"}");
        Answer stop = host.call("DELETE", "/api/v1/execution");

        assertThat(run.status()).isEqualTo(409);
        assertThat(run.message()).contains("cannot run fake_b");
        assertThat(stop.status()).isEqualTo(409);
        assertThat(host.daemon.supervisor().status().phase()).isEqualTo(Phase.IDLE);
    }

    @Test
    void aBenchIsRefusedWhileTheDaemonsSchedulerRuns() throws Exception {
        scripted();
        String workload = workload();
        assertThat(host.call("POST", "/api/v1/execution", "{\"name\": \"fake_a\"}")
                        .status())
                .isEqualTo(202);

        Answer refused = host.call("POST", "/api/v1/bench", body(workload, "[\"fake_b\"]", 1));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.message()).contains("DELETE /api/v1/execution");
        assertThat(bench.started.getCount()).isEqualTo(1);
        host.call("DELETE", "/api/v1/execution");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (host.daemon.supervisor().status().phase() != Phase.IDLE && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(host.call("POST", "/api/v1/bench", body(workload, "[\"fake_b\"]", 1))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void theEventsStreamEveryStepAndThenTheEnd() throws Exception {
        scripted();
        String workload = workload();
        String job = host.call("POST", "/api/v1/bench", body(workload, "[\"default\", \"fake_a\"]", 1))
                .json()
                .path("job")
                .asString();
        bench.allow(1);
        awaitJob(job, j -> j.path("progress").path("step").asInt() == 1);

        CompletableFuture<Answer> stream =
                CompletableFuture.supplyAsync(() -> host.call("GET", "/api/v1/bench/" + job + "/events"));
        Thread.sleep(200);
        assertThat(stream).isNotDone();
        bench.allowAll();
        Answer events = stream.get(10, TimeUnit.SECONDS);

        assertThat(events.status()).isEqualTo(200);
        assertThat(events.contentType()).startsWith("text/event-stream");
        String[] blocks = events.body().strip().split("\n\n");
        assertThat(blocks).hasSize(3);
        assertThat(blocks[0]).startsWith("id: 1\nevent: progress\ndata: {").contains("\"step\":1", "\"steps\":2");
        assertThat(blocks[1]).startsWith("id: 2\nevent: progress\n").contains("\"scheduler\":\"fake_a\"");
        assertThat(blocks[2]).startsWith("event: end\ndata: {").contains("\"state\":\"succeeded\"");
    }

    @Test
    void theEventsOfAFinishedJobAreItsStepsAndItsEnd() throws Exception {
        scripted();
        String workload = workload();
        bench.allowAll();
        String job = host.call("POST", "/api/v1/bench", body(workload, "[\"default\"]", 2))
                .json()
                .path("job")
                .asString();
        awaitJob(job, j -> j.path("state").asString().equals("succeeded"));

        Answer events = host.call("GET", "/api/v1/bench/" + job + "/events");

        assertThat(events.body())
                .contains("id: 2\nevent: progress")
                .endsWith("\n\n")
                .contains("event: end");
    }

    @Test
    void anUnknownJobIsNotFound() {
        Answer missing = scripted().call("GET", "/api/v1/bench/b-99");
        Answer events = host.call("GET", "/api/v1/bench/b-99/events");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).contains("b-99").contains("POST /api/v1/bench");
        assertThat(events.status()).isEqualTo(404);
        assertThat(events.contentType()).startsWith("application/json");
    }

    @Test
    void badPlansAreRefusedBeforeAnyJobStarts() {
        scripted();
        String workload = workload();

        Answer noWorkload = host.call("POST", "/api/v1/bench", "{\"schedulers\": [\"default\"], \"command\": [\"x\"]}");
        Answer unknownWorkload = host.call("POST", "/api/v1/bench", body("w-00000000", "[\"default\"]", 1));
        Answer unknownScheduler = host.call("POST", "/api/v1/bench", body(workload, "[\"fake_zz\"]", 1));
        Answer noScheduler = host.call("POST", "/api/v1/bench", body(workload, "[]", 1));
        Answer twice = host.call("POST", "/api/v1/bench", body(workload, "[\"default\", \"default\"]", 1));
        Answer noRuns = host.call("POST", "/api/v1/bench", body(workload, "[\"default\"]", 0));
        Answer noCommand = host.call(
                "POST", "/api/v1/bench", "{\"workload_id\": \"" + workload + "\", \"schedulers\": [\"default\"]}");

        assertThat(noWorkload.status()).isEqualTo(400);
        assertThat(noWorkload.message()).contains("workload_id");
        assertThat(unknownWorkload.status()).isEqualTo(404);
        assertThat(unknownScheduler.status()).isEqualTo(404);
        assertThat(unknownScheduler.message()).contains("fake_zz");
        assertThat(noScheduler.status()).isEqualTo(400);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.message()).contains("named twice");
        assertThat(noRuns.status()).isEqualTo(400);
        assertThat(noRuns.message()).contains("1 to 100");
        assertThat(noCommand.status()).isEqualTo(400);
        assertThat(noCommand.message()).contains("command");
        assertThat(bench.started.getCount()).isEqualTo(1);
    }

    @Test
    void aCancelledJobEndsAsCancelledAndFreesTheWayForTheNext() throws Exception {
        scripted();
        String workload = workload();
        String job = host.call("POST", "/api/v1/bench", body(workload, "[\"default\"]", 3))
                .json()
                .path("job")
                .asString();
        bench.allow(1);
        awaitJob(job, j -> j.path("progress").path("step").asInt() == 1);

        assertThat(host.readOnly("DELETE", "/api/v1/bench/" + job, null).status())
                .isEqualTo(403);
        Answer cancelled = host.call("DELETE", "/api/v1/bench/" + job);

        assertThat(cancelled.status()).isEqualTo(202);
        JsonNode ended = awaitJob(job, j -> !j.path("state").asString().equals("running"));
        assertThat(ended.path("state").asString()).isEqualTo("cancelled");
        assertThat(ended.path("error").path("kind").asString()).isEqualTo("CANCELLED");
        Answer again = host.call("DELETE", "/api/v1/bench/" + job);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.message()).contains("has ended (cancelled)");
        assertThat(host.call("DELETE", "/api/v1/bench/b-99").status()).isEqualTo(404);
        assertThat(host.call("POST", "/api/v1/bench", body(workload, "[\"default\"]", 1))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aCancelledLibraryBenchKillsItsCommandAndStopsItsScheduler() throws Exception {
        host = TestDaemon.withLibraryBench(temp);
        String workload = workload();
        String job = host.call(
                        "POST",
                        "/api/v1/bench",
                        "{\"workload_id\": \"" + workload + "\", \"schedulers\": [\"fake_a\"], \"command\":"
                                + " [\"sleep\", \"30\"], \"runs\": 1}")
                .json()
                .path("job")
                .asString();
        awaitJob(job, j -> j.path("progress").path("message").asString().startsWith("running sleep"));
        assertThat(host.kernel.state()).isEqualTo("enabled");

        assertThat(host.call("DELETE", "/api/v1/bench/" + job).status()).isEqualTo(202);

        JsonNode ended = awaitJob(job, j -> !j.path("state").asString().equals("running"));
        assertThat(ended.path("state").asString()).isEqualTo("cancelled");
        host.kernel.awaitState("disabled", Duration.ofSeconds(10));
        assertThat(host.manager.current()).isEmpty();
    }

    @Test
    void theLibrarysRunnerRunsTheCommandUnderTheFakeSchedulerAndRecordsTheRuns() throws Exception {
        host = TestDaemon.withLibraryBench(temp);
        String workload = workload();

        Answer started = host.call(
                "POST",
                "/api/v1/bench",
                "{\"workload_id\": \"" + workload + "\", \"schedulers\": [\"default\", \"fake_a\"], \"command\":"
                        + " [\"true\"], \"runs\": 1}");

        assertThat(started.status()).isEqualTo(202);
        JsonNode done = awaitJob(
                started.json().path("job").asString(),
                j -> !j.path("state").asString().equals("running"));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.path("result").path("runs").size()).isEqualTo(2);
        assertThat(done.path("result").path("runs").get(1).path("failure").asString())
                .isEmpty();
        assertThat(host.workloads.history(workload)).hasSize(2);
        assertThat(host.kernel.state()).isEqualTo("disabled");
    }
}
