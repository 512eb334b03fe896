package io.schedcp.mcp.tools;

import static io.schedcp.mcp.tools.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.recommend.Recommendation;
import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.mcp.FakeHost;
import io.schedcp.mcp.ToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** system_monitor, workload, recommend_scheduler and benchmark onto the library, with a fake kernel. */
class WorkloadToolsTest {

    @TempDir
    Path temp;

    private FakeHost host;
    private SystemMonitorTool monitor;
    private WorkloadTool workload;
    private RecommendSchedulerTool recommend;
    private BenchmarkTool benchmark;

    @BeforeEach
    void setUp() {
        host = new FakeHost(temp);
        monitor = new SystemMonitorTool(host.monitors);
        workload = new WorkloadTool(host.workloads);
        recommend = new RecommendSchedulerTool(host.manager, host.workloads);
        benchmark = new BenchmarkTool(host.manager, host.workloads, host.monitors);
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    private String createWorkload() throws InterruptedException {
        ToolResult created = call(workload, Map.of("command", "create", "description", "an interactive game"));
        return ((WorkloadTool.Outcome) created.value()).workload().orElseThrow().id();
    }

    @Test
    void aMonitorStartsAndItsSummaryComesBackOnStopEvenWithoutItsId() throws Exception {
        ToolResult started = call(monitor, Map.of("command", "start", "interval_ms", 100));
        String id = ((SystemMonitorTool.Outcome) started.value()).monitorId();
        Thread.sleep(350);

        ToolResult stopped = call(monitor, Map.of("command", "stop"));

        SystemMonitorTool.Outcome outcome = (SystemMonitorTool.Outcome) stopped.value();
        assertThat(outcome.monitorId()).isEqualTo(id);
        assertThat(outcome.summary().orElseThrow().sampleCount()).isGreaterThanOrEqualTo(2);
        assertThat(stopped.text()).startsWith("Monitor " + id + ": ");
        assertThatThrownBy(() -> call(monitor, Map.of("command", "stop")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("no monitor is running");
    }

    @Test
    void aWorkloadIsCreatedListedAndItsHistoryKept() throws Exception {
        String id = createWorkload();

        ToolResult added = call(
                workload,
                Map.of(
                        "command",
                        "add_history",
                        "workload_id",
                        id,
                        "scheduler",
                        "fake_a",
                        "result",
                        "smooth",
                        "metrics",
                        Map.of("latency_p99_us", 420, "wall_time_s", 81.2)));
        ToolResult history = call(workload, Map.of("command", "get_history", "workload_id", id));
        ToolResult list = call(workload, Map.of("command", "list"));

        HistoryEntry entry = ((WorkloadTool.Outcome) added.value()).entry().orElseThrow();
        assertThat(entry.run().metrics()).containsEntry("latency_p99_us", 420.0);
        assertThat(((WorkloadTool.Outcome) history.value()).history().orElseThrow())
                .containsExactly(entry);
        assertThat(((WorkloadTool.Outcome) list.value()).workloads().orElseThrow())
                .hasSize(1);
        assertThat(host.workloads.history(id)).hasSize(1);
    }

    @Test
    void metricsThatAreNotNumbersAreRefusedNamingTheMetric() throws Exception {
        String id = createWorkload();

        assertThatThrownBy(() -> call(
                        workload,
                        Map.of(
                                "command",
                                "add_history",
                                "workload_id",
                                id,
                                "scheduler",
                                "fake_a",
                                "result",
                                "x",
                                "metrics",
                                Map.of("p99", "fast"))))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("'p99'");
    }

    @Test
    void recommendNeedsADescriptionOrAWorkloadButNotBoth() {
        assertThatThrownBy(() -> call(recommend, Map.of()))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("either 'description'");
        assertThatThrownBy(() -> call(recommend, Map.of("description", "x", "workload_id", "w-1")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void aBenchmarkRecordsEveryRunReportsProgressAndTheRecommendationFollowsIt() throws Exception {
        String id = createWorkload();
        List<String> progress = new CopyOnWriteArrayList<>();
        String timed = "if grep -q '^enabled' " + host.sysfs.resolve("state") + "; then echo 'Time: 0.5'; "
                + "else echo 'Time: 1.0'; fi";

        ToolResult result = call(
                benchmark,
                Map.of(
                        "workload_id",
                        id,
                        "schedulers",
                        List.of("default", "fake_a"),
                        "command",
                        List.of("/bin/sh", "-c", timed),
                        "runs",
                        1),
                progress::add);

        BenchmarkTool.Benchmarked bench = (BenchmarkTool.Benchmarked) result.value();
        assertThat(bench.runs()).hasSize(2).allMatch(r -> r.succeeded());
        assertThat(bench.table()).contains("fake_a").contains("(0.50x)");
        assertThat(progress).anyMatch(line -> line.startsWith("[2/2] fake_a run 1/1: running"));
        assertThat(host.workloads.history(id)).hasSize(2);
        assertThat(host.kernelState()).isEqualTo("disabled");

        ToolResult ranked = call(recommend, Map.of("workload_id", id));
        Recommendation first = ((RecommendSchedulerTool.Ranked) ranked.value())
                .recommendations()
                .get(0);
        assertThat(first.scheduler()).isEqualTo("fake_a");
        assertThat(first.measured().orElseThrow()).startsWith("2.00x better than the default scheduler");
    }

    @Test
    void theBenchmarksRunsDefaultIsThePlansAndItsArgumentSaysSo() {
        String runs = benchmark.input().properties().get("runs").description();

        assertThat(runs)
                .isEqualTo("Runs per scheduler (default " + BenchPlan.DEFAULT_RUNS + ", at most " + BenchPlan.MAX_RUNS
                        + ").")
                .contains("default 3");
    }
}
