package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.json.SchedcpJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench in-process with only the kernel's default scheduler (the fake sysfs reads disabled), for what concerns
 * the arguments and the chart; BenchIT runs real schedulers from the launcher.
 */
class BenchCommandTest {

    @TempDir
    Path temp;

    private CliFixture fixture;
    private String workload;

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
        workload = SchedcpJson.mapper()
                .readTree(run("workload", "create", "hackbench messaging", "--json")
                        .out())
                .get("id")
                .asString();
    }

    private Result run(String... args) {
        return fixture.run(args);
    }

    private Result bench(String... chartOptions) {
        String[] head = {"bench", "--workload", workload, "--schedulers", "default", "--runs", "1", "--interval", "100"
        };
        String[] tail = {"--", "/bin/sh", "-c", "echo 'Time: 1.0'"};
        String[] args = new String[head.length + chartOptions.length + tail.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(chartOptions, 0, args, head.length, chartOptions.length);
        System.arraycopy(tail, 0, args, head.length + chartOptions.length, tail.length);
        return run(args);
    }

    private int runsRecorded() {
        return SchedcpJson.mapper()
                .readTree(run("workload", "history", workload, "--json").out())
                .size();
    }

    /** A node like /dev/null (c 1 3) where the test may create one (as root), else a FIFO. */
    private static Path specialFile(Path file) throws Exception {
        Process mknod = new ProcessBuilder("mknod", file.toString(), "c", "1", "3")
                .redirectErrorStream(true)
                .start();
        mknod.getInputStream().readAllBytes();
        if (mknod.waitFor() != 0) {
            assertThat(new ProcessBuilder("mkfifo", file.toString())
                            .inheritIO()
                            .start()
                            .waitFor())
                    .isZero();
        }
        return file;
    }

    @Test
    void chartRefusesToReplaceADeviceNodeBeforeAnyRun() throws Exception {
        Path node = specialFile(temp.resolve("full"));

        Result result = bench("--chart", node.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains(node + " is a device node, FIFO or socket, not a regular file")
                .contains("give --chart the path of a new or regular file")
                .doesNotContain("Exception");
        assertThat(Files.exists(node)).isTrue();
        assertThat(Files.isRegularFile(node)).isFalse();
        assertThat(runsRecorded()).isZero();
    }

    @Test
    void chartThroughASymbolicLinkWritesTheFileItPointsTo() throws Exception {
        Path real = Files.writeString(temp.resolve("real.svg"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("chart.svg"), real);

        Result result = bench("--chart", link.toString());

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("<svg");
    }

    @Test
    void aChartThatCannotBeWrittenStillPrintsTheResultsFirst() throws Exception {
        Path blocker = Files.writeString(temp.resolve("blocker"), "a file, so no directory can be made here");
        Path chart = blocker.resolve("chart.svg");

        Result table = bench("--chart", chart.toString());
        Result json = bench("--chart", chart.toString(), "--json");

        assertThat(table.code()).isEqualTo(ExitCodes.IO);
        assertThat(table.out()).containsPattern("default\\s+1/1\\s+1\\.000");
        assertThat(table.err())
                .contains("1 runs recorded in the history of " + workload)
                .contains("the chart was not written: could not write " + chart)
                .contains("give --chart a writable path")
                .doesNotContain("Exception:");
        assertThat(json.code()).isEqualTo(ExitCodes.IO);
        assertThat(SchedcpJson.mapper().readTree(json.out()).get("runs").size()).isEqualTo(1);
        assertThat(runsRecorded()).isEqualTo(2);
    }

    @Test
    void theDefaultChartGoesToTheDataDirectoryNotTheWorkingDirectory() throws Exception {
        Result result = bench();

        Path chart = fixture.home.resolve("charts/bench-" + workload + ".svg");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("chart written to " + chart);
        assertThat(Files.readString(chart)).startsWith("<svg");
        assertThat(Path.of("bench-" + workload + ".svg")).doesNotExist();
    }

    @Test
    void theHelpShowsTheDefaultsOfTheBenchPlan() {
        String help = run("bench", "--help").out().replaceAll("\\s+", " ");

        assertThat(help)
                .contains(
                        "Runs per scheduler (default " + BenchPlan.DEFAULT_RUNS + ", at most 100)",
                        "interval during runs (default " + BenchPlan.DEFAULT_MONITOR_INTERVAL_MS + ")",
                        "one run may take (default " + BenchPlan.DEFAULT_RUN_TIMEOUT_SECONDS + ")")
                .contains("(default 3, at most 100)");
    }
}
