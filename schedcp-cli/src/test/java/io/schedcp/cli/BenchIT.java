package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.json.SchedcpJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * bench and recommend from the packaged launcher, with the fake scx_simple playing the kernel in a fake sysfs
 * (the scheduler program reads SCHEDCP_SCHED_EXT_DIR from its environment, so it runs as a real process).
 */
class BenchIT {

    @TempDir
    Path temp;

    private CliFixture fixture;
    private String workload;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new CliFixture(temp).install("scx_simple");
        workload = SchedcpJson.mapper()
                .readTree(run("workload", "create", "hackbench messaging", "--json")
                        .out())
                .get("id")
                .asString();
    }

    private Result run(String... args) throws Exception {
        try (LauncherProcess process = LauncherProcess.start(fixture.environment(), args)) {
            int code = process.awaitExit(Duration.ofSeconds(90));
            return new Result(code, process.out(), process.err());
        }
    }

    /** hackbench's line: 0.5 s while a sched_ext scheduler runs, 1.0 s under the default. */
    private String timedByState() {
        return "if grep -q '^enabled' " + fixture.sysfs.resolve("state") + "; then echo 'Time: 0.5'; "
                + "else echo 'Time: 1.0'; fi";
    }

    @Test
    void benchComparesTheSchedulersRecordsEveryRunAndWritesAChart() throws Exception {
        Path chart = temp.resolve("chart.svg");

        Result bench = run(
                "bench",
                "--workload",
                workload,
                "--schedulers",
                "default,scx_simple",
                "--runs",
                "2",
                "--interval",
                "100",
                "--chart",
                chart.toString(),
                "--",
                "/bin/sh",
                "-c",
                "sleep 0.35; " + timedByState());

        assertThat(bench.code()).as(bench.err()).isZero();
        assertThat(bench.out())
                .containsPattern("default\\s+2/2\\s+1\\.000 \\(1\\.00x\\)")
                .containsPattern("scx_simple\\s+2/2\\s+0\\.500 \\(0\\.50x\\)");
        assertThat(bench.err())
                .contains("[1/4] default run 1/2: running /bin/sh -c")
                .contains("[4/4] scx_simple run 2/2: done")
                .contains("4 runs recorded in the history of " + workload);
        assertThat(Files.readString(chart)).startsWith("<svg").contains("2.00x");
        JsonNode history = SchedcpJson.mapper()
                .readTree(run("workload", "history", workload, "--json").out());
        assertThat(history.size()).isEqualTo(4);
        assertThat(history.get(0).get("monitor_summary").get("sample_count").asInt())
                .isPositive();
        assertThat(fixture.kernelState()).isEqualTo("disabled");
    }

    @Test
    void theRecommendationThenPutsTheMeasuredWinnerFirst() throws Exception {
        run(
                "bench",
                "--workload",
                workload,
                "--schedulers",
                "default,scx_simple",
                "--runs",
                "1",
                "--chart",
                temp.resolve("c.svg").toString(),
                "--",
                "/bin/sh",
                "-c",
                timedByState());

        JsonNode ranked = SchedcpJson.mapper()
                .readTree(run("recommend", "--workload", workload, "--json").out());

        assertThat(ranked.get(0).get("scheduler").asString()).isEqualTo("scx_simple");
        assertThat(ranked.get(0).get("measured").asString())
                .startsWith("2.00x better than the default scheduler on hackbench_time_s");
    }

    @Test
    void benchRefusesAnUnknownWorkloadAndAMissingCommand() throws Exception {
        Result unknown = run("bench", "--workload", "w-00000000", "--schedulers", "default", "--", "true");
        Result noCommand = run("bench", "--workload", workload, "--schedulers", "default");

        assertThat(unknown.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(noCommand.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCommand.err()).contains("COMMAND");
    }

    @Test
    void recommendForADescriptionRanksByTagsAndSaysWhy() throws Exception {
        Result result = run("recommend", "a latency-sensitive web server");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains(" 1. ").contains("its use cases match");
    }
}
