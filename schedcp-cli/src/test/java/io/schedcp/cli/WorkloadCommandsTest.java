package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.json.SchedcpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The workload commands in-process, against a store in a temporary schedcp home. */
class WorkloadCommandsTest {

    private static final Pattern CREATED = Pattern.compile("created (w-[0-9a-f]{8}): ");

    @TempDir
    Path temp;

    private CliFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
    }

    private Result run(String... args) {
        return fixture.run(args);
    }

    private String create(String description) {
        Result result = run("workload", "create", description);
        assertThat(result.code()).as(result.err()).isZero();
        Matcher matcher = CREATED.matcher(result.out());
        assertThat(matcher.find()).as(result.out()).isTrue();
        return matcher.group(1);
    }

    /** What {@code schedcp monitor --json} writes over the lab's captured /proc and sched_ext files. */
    private Path monitorSummary() throws IOException {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_PROC_DIR", CliFixture.monitorCapture("lab").toString());
        env.put("SCHEDCP_SCHED_EXT_DIR", CliFixture.monitorCapture("sched_ext").toString());
        Result monitor = fixture.run(env, "monitor", "--duration", "1", "--interval", "500", "--json");
        assertThat(monitor.code()).as(monitor.err()).isZero();
        return Files.writeString(temp.resolve("monitor.json"), monitor.out());
    }

    private static JsonNode json(Result result) {
        assertThat(result.code()).as(result.err()).isZero();
        return SchedcpJson.mapper().readTree(result.out());
    }

    @Test
    void createPrintsTheIdAndTheTagsAndListShowsTheWorkload() {
        Result created = run("workload", "create", "nginx serving the shop", "--name", "shop");

        Result list = run("workload", "list");

        assertThat(created.out())
                .containsPattern("created w-[0-9a-f]{8}: shop")
                .contains("tags: latency-sensitive, server");
        assertThat(list.code()).isZero();
        assertThat(list.out())
                .contains("ID")
                .contains("TAGS")
                .contains("latency-sensitive, server")
                .contains("shop");
    }

    @Test
    void createJsonGivesTheProfileInSnakeCase() {
        JsonNode profile = json(run("workload", "create", "kernel build with make -j32", "--json"));

        assertThat(profile.get("id").asString()).matches("w-[0-9a-f]{8}");
        assertThat(profile.get("name").asString()).isEqualTo("kernel build with make -j32");
        assertThat(profile.get("tags")).extracting(JsonNode::asString).containsExactly("batch", "build");
        assertThat(profile.has("created_at")).isTrue();
    }

    @Test
    void createWithABlankDescriptionIsAUsageError() {
        Result result = run("workload", "create", " ");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("schedcp: a workload needs a description");
    }

    @Test
    void listWithoutWorkloadsSaysHowToCreateOne() {
        Result result = run("workload", "list");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("No workloads yet; create one with: schedcp workload create");
    }

    @Test
    void addHistoryRecordsTheRunAndHistoryShowsIt() {
        String id = create("kernel build");

        Result added = run(
                "workload",
                "add-history",
                id,
                "--scheduler",
                "scx_rusty",
                "--result",
                "81 s",
                "--metric",
                "wall_time_s=81.2",
                "--metric",
                "latency_p99_us=420",
                "--args",
                "--slice-us 5000");
        Result history = run("workload", "history", id);

        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).containsPattern("recorded h-[0-9a-f]{8} for " + id + ": scx_rusty, ok");
        assertThat(history.out())
                .contains("scx_rusty --slice-us 5000  ok")
                .contains("result:    81 s")
                .contains("metrics:   latency_p99_us=420 wall_time_s=81.2");
    }

    @Test
    void historyJsonHasEveryFieldOfAFailedRun() throws IOException {
        String id = create("gaming");
        Path summary = monitorSummary();

        run(
                "workload",
                "add-history",
                id,
                "--scheduler",
                "scx_lavd",
                "--result",
                "stutters",
                "--failed",
                "ejected by the kernel",
                "--execution-id",
                "e-3",
                "--started",
                "2026-11-22T10:15:00Z",
                "--ended",
                "2026-11-22T10:16:21Z",
                "--monitor-summary",
                summary.toString());
        JsonNode entry = json(run("workload", "history", id, "--json")).get(0);

        assertThat(entry.get("id").asString()).matches("h-[0-9a-f]{8}");
        assertThat(entry.get("scheduler").asString()).isEqualTo("scx_lavd");
        assertThat(entry.get("execution_id").asString()).isEqualTo("e-3");
        assertThat(entry.get("started_at").asString()).isEqualTo("2026-11-22T10:15:00Z");
        assertThat(entry.get("ended_at").asString()).isEqualTo("2026-11-22T10:16:21Z");
        assertThat(entry.get("monitor_summary").get("interval_millis").asLong()).isEqualTo(500);
        assertThat(entry.get("monitor_summary")
                        .get("sched_ext")
                        .get("ops_seen")
                        .get(0)
                        .asString())
                .isEqualTo("simple");
        assertThat(entry.get("outcome").get("status").asString()).isEqualTo("failed");
        assertThat(entry.get("outcome").get("reason").asString()).isEqualTo("ejected by the kernel");
    }

    @Test
    void aMonitorSummaryFileThatIsNotOneIsAUsageErrorAndNothingIsRecorded() throws IOException {
        String id = create("gaming");
        Path madeUp = Files.writeString(temp.resolve("summary.json"), "{\"cpu_busy_pct\": 93.5}");

        Result result = run(
                "workload",
                "add-history",
                id,
                "--scheduler",
                "scx_lavd",
                "--result",
                "r",
                "--monitor-summary",
                madeUp.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("the monitor summary " + madeUp + " is not a summary of schedcp monitor " + "--json");
        assertThat(json(run("workload", "history", id, "--json"))).isEmpty();
    }

    @Test
    void aMetricThatIsNotANumberIsAUsageErrorNamingItAndNothingIsRecorded() {
        String id = create("gaming");

        Result notNumber = run(
                "workload",
                "add-history",
                id,
                "--scheduler",
                "scx_lavd",
                "--result",
                "r",
                "--metric",
                "wall_time_s=fast");
        Result notPair = run(
                "workload", "add-history", id, "--scheduler", "scx_lavd", "--result", "r", "--metric", "wall_time_s");

        assertThat(notNumber.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notNumber.err()).contains("--metric wall_time_s=fast: 'fast' is not a number");
        assertThat(notPair.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(notPair.err()).contains("--metric wall_time_s is not NAME=NUMBER");
        assertThat(json(run("workload", "history", id, "--json"))).isEmpty();
    }

    @Test
    void aTimeThatIsNotATimeIsAUsageError() {
        String id = create("gaming");

        Result result = run(
                "workload", "add-history", id, "--scheduler", "scx_lavd", "--result", "r", "--started", "yesterday");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--started 'yesterday' is not a time");
    }

    @Test
    void anUnknownIdExitsNotFoundListingTheWorkloads() {
        String id = create("gaming");

        Result show = run("workload", "show", "w-00000000");
        Result history = run("workload", "history", "w-00000000");
        Result add = run("workload", "add-history", "w-00000000", "--scheduler", "scx_lavd", "--result", "r");

        for (Result result : new Result[] {show, history, add}) {
            assertThat(result.code()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(result.err())
                    .contains("there is no workload 'w-00000000'; the workloads are " + id + " (gaming)");
        }
    }

    @Test
    void showGivesTheWorkloadItsRunsAndTheWorkloadsLikeIt() {
        String game = create("gaming");
        String browser = create("a browser");
        run("workload", "add-history", game, "--scheduler", "scx_lavd", "--result", "smooth");

        Result shown = run("workload", "show", game);
        JsonNode json = json(run("workload", "show", game, "--json"));

        assertThat(shown.out())
                .contains("id:          " + game)
                .contains("runs:        1")
                .contains(browser + "  a browser  (shares interactive)");
        assertThat(json.get("workload").get("id").asString()).isEqualTo(game);
        assertThat(json.get("runs").asInt()).isEqualTo(1);
        assertThat(json.get("similar").get(0).get("id").asString()).isEqualTo(browser);
        assertThat(json.get("similar").get(0).get("shared_tags"))
                .extracting(JsonNode::asString)
                .containsExactly("interactive");
    }

    @Test
    void listJsonCountsTheRunsOfEachWorkload() {
        String game = create("gaming");
        create("kernel build");
        run("workload", "add-history", game, "--scheduler", "scx_lavd", "--result", "one");
        run("workload", "add-history", game, "--scheduler", "scx_bpfland", "--result", "two");

        JsonNode list = json(run("workload", "list", "--json"));

        assertThat(list).extracting(row -> row.get("runs").asInt()).containsExactly(2, 0);
    }

    @Test
    void aCorruptStoreIsReportedOnStderrLeftWhereItIsAndTheCommandGoesOn() throws IOException {
        Files.createDirectories(fixture.home);
        Files.writeString(fixture.home.resolve("workloads.json"), "{ not json");

        Result result = run("workload", "list");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("No workloads yet");
        assertThat(result.err())
                .contains("schedcp: warning: " + fixture.home.resolve("workloads.json")
                        + " cannot be read: it is not valid JSON")
                .contains("It is left as it is");
        assertThat(fixture.home.resolve("workloads.json")).hasContent("{ not json");
    }

    @Test
    void aStoreWithAFieldOfANewerSchedcpIsListedAsItIs() throws IOException {
        Files.createDirectories(fixture.home);
        String content = "{\"schema\": 1, \"workloads\": [{\"id\": \"w-0000abcd\", \"name\": \"nightly build\","
                + " \"description\": \"d\", \"tags\": [], \"created_at\": \"2026-01-01T00:00:00Z\", \"colour\": \"blue\"}]}";
        Files.writeString(fixture.home.resolve("workloads.json"), content);

        Result result = run("workload", "list");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("w-0000abcd").contains("nightly build");
        assertThat(result.err()).isEmpty();
        assertThat(fixture.home.resolve("workloads.json")).hasContent(content);
    }

    @Test
    void aStoreWithAHugeSchemaNumberExitsWithAnIoErrorSayingToUpgrade() throws IOException {
        Files.createDirectories(fixture.home);
        Files.writeString(fixture.home.resolve("workloads.json"), "{\"schema\": 99999999999999999999}");

        Result result = run("workload", "list");

        assertThat(result.code()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).contains("was written by a newer schedcp").contains("upgrade schedcp");
    }

    @Test
    void aStoreOfANewerSchemaExitsWithAnIoErrorSayingToUpgrade() throws IOException {
        Files.createDirectories(fixture.home);
        Files.writeString(fixture.home.resolve("workloads.json"), "{\"schema\": 9}");

        Result result = run("workload", "list");

        assertThat(result.code()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).contains("was written by a newer schedcp").contains("upgrade schedcp");
        assertThat(fixture.home.resolve("workloads.json")).hasContent("{\"schema\": 9}");
    }

    @Test
    void aMonitorSummaryFromAnEndlessDeviceIsRefusedNamingTheLimit() {
        String id = create("gaming");

        Result result = run(
                "workload",
                "add-history",
                id,
                "--scheduler",
                "scx_lavd",
                "--result",
                "r",
                "--monitor-summary",
                "/dev/zero");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("the monitor summary file /dev/zero is over 1 MiB, the most schedcp reads")
                .doesNotContain("Exception")
                .doesNotContain("OutOfMemory");
        assertThat(json(run("workload", "history", id, "--json"))).isEmpty();
    }

    @Test
    void aMonitorSummaryOverOneMebibyteIsNotStored() throws IOException {
        String id = create("gaming");
        Path summary = Files.writeString(temp.resolve("huge.json"), "{\"padding\": \"" + "x".repeat(2 << 20) + "\"}");

        Result result = run(
                "workload",
                "add-history",
                id,
                "--scheduler",
                "scx_lavd",
                "--result",
                "r",
                "--monitor-summary",
                summary.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(summary + " is over 1 MiB");
        assertThat(json(run("workload", "history", id, "--json"))).isEmpty();
    }

    @Test
    void aMetricGivenTwiceIsRefusedNamingItAndNothingIsRecorded() {
        String id = create("gaming");

        Result result = run(
                "workload",
                "add-history",
                id,
                "--scheduler",
                "scx_lavd",
                "--result",
                "r",
                "--metric",
                "a=1",
                "--metric",
                "a=2");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--metric a is given twice (a=1 and a=2); give each metric once");
        assertThat(json(run("workload", "history", id, "--json"))).isEmpty();
    }
}
