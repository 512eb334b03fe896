package io.schedcp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.monitor.MemInfo;
import io.schedcp.core.monitor.Pressure;
import io.schedcp.core.monitor.ProcStat;
import io.schedcp.core.monitor.ProcStat.CpuTimes;
import io.schedcp.core.monitor.SchedStat;
import io.schedcp.core.monitor.SystemSnapshot;
import io.schedcp.daemon.api.TestDaemon.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics}: the host's figures, and those of scx_slo and scx_userspace while they run. */
class HostMetricsTest {

    /** Two CPUs, 5 s of user time and 20 s idle; 1 and 3 s waited on the run queues; some pressure. */
    static final SystemSnapshot SNAPSHOT = new SystemSnapshot(
            Instant.parse("2026-12-03T12:00:00Z"),
            1,
            new ProcStat(
                    new CpuTimes(500, 0, 100, 2000, 10, 0, 0, 0),
                    Map.of(
                            0,
                            new CpuTimes(250, 0, 50, 1000, 5, 0, 0, 0),
                            1,
                            new CpuTimes(250, 0, 50, 1000, 5, 0, 0, 0))),
            new MemInfo(1000, 200, 400, 10, 300),
            Optional.of(new SchedStat(
                    15,
                    0,
                    Map.of(
                            0, new SchedStat.CpuCounters(7_000_000_000L, 1_000_000_000L, 70),
                            1, new SchedStat.CpuCounters(9_000_000_000L, 3_000_000_000L, 90)))),
            Optional.of(new Pressure(new Pressure.Line(12.5, 4.0, 1.0, 2_500_000), Optional.empty())),
            SchedExtState.UNSUPPORTED);

    @TempDir
    Path temp;

    private TestDaemon host;

    @AfterEach
    void stop() {
        host.close();
    }

    private String scrape() {
        Answer metrics = host.call("GET", "/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        return metrics.body();
    }

    @Test
    void theHostsFiguresAreItsCountersAndGauges() {
        host = TestDaemon.start(
                temp,
                FakeSloControl.notRunning(),
                FakePolicyControl.notRunning(temp.resolve("u.sock")),
                new ScriptedBench(),
                () -> SNAPSHOT);

        String text = scrape();

        assertThat(text)
                .contains("schedcp_host_cpu_seconds_total{mode=\"user\"} 5.0\n")
                .contains("schedcp_host_cpu_seconds_total{mode=\"idle\"} 20.0\n")
                .contains("schedcp_host_cpus 2.0\n")
                .contains("schedcp_host_memory_bytes{kind=\"total\"} 1024000.0\n")
                .contains("schedcp_host_memory_bytes{kind=\"available\"} 409600.0\n")
                .contains("schedcp_host_memory_used_ratio 0.6\n")
                .contains("schedcp_host_runqueue_wait_seconds_total{cpu=\"1\"} 3.0\n")
                .contains("schedcp_host_cpu_running_seconds_total{cpu=\"0\"} 7.0\n")
                .contains("schedcp_host_timeslices_total{cpu=\"1\"} 90.0\n")
                .contains("schedcp_host_cpu_pressure_ratio{kind=\"some\",window=\"10s\"} 0.125\n")
                .contains("schedcp_host_cpu_pressure_stalled_seconds_total{kind=\"some\"} 2.5\n")
                .doesNotContain("kind=\"full\"");
    }

    @Test
    void aHostReadThatFailsLeavesItsFiguresOutAndTheScrapeStands() {
        host = TestDaemon.start(
                temp,
                FakeSloControl.notRunning(),
                FakePolicyControl.notRunning(temp.resolve("u.sock")),
                new ScriptedBench(),
                () -> {
                    throw new SchedcpException(Kind.IO, "/proc/stat cannot be read");
                });

        String text = scrape();

        assertThat(text).doesNotContain("schedcp_host_").contains("schedcp_sched_ext_enabled");
    }

    @Test
    void theAgentsFiguresArePresentWhileTheyRun() throws Exception {
        host = TestDaemon.start(
                temp,
                FakeSloControl.running(FakeSloControl.sampleStatus()),
                FakePolicyControl.running("strategies"),
                new ScriptedBench(),
                () -> SNAPSHOT);

        String text = scrape();

        assertThat(text)
                .contains("schedcp_slo_runs_total{group=\"lat\"} 1200.0\n")
                .contains("schedcp_slo_runs_total{group=\"(unconfigured)\"} 5000.0\n")
                .contains("schedcp_slo_misses_total{group=\"lat\"} 3.0\n")
                .contains("schedcp_slo_miss_ratio{group=\"lat\"} 0.0025\n")
                .contains("schedcp_slo_lateness_mean_seconds{group=\"lat\"} 1.5E-4\n")
                .contains("schedcp_slo_lateness_max_seconds{group=\"lat\"} 4.0E-4\n")
                .contains("schedcp_slo_budget_seconds{group=\"batch\"} 0.05\n")
                .contains("schedcp_slo_cpu_share_ratio{group=\"batch\"} 0.5\n")
                .contains("schedcp_slo_throttled_total{group=\"batch\"} 7.0\n")
                .contains("schedcp_slo_wake_to_run_seconds{group=\"lat\",quantile=\"0.99\"} 0.0018\n")
                .contains("schedcp_slo_wake_to_run_seconds_count{group=\"lat\"} 1200\n")
                .doesNotContain("schedcp_slo_wake_to_run_seconds{group=\"batch\"")
                .contains("schedcp_userspace_policy{policy=\"strategies\"} 1.0\n")
                .contains("schedcp_userspace_tasks_total{event=\"queued\"} 101.0\n")
                .contains("schedcp_userspace_tasks_total{event=\"ring_full\"} 109.0\n")
                .contains("schedcp_userspace_loop_total{event=\"malformed\"} 205.0\n")
                .contains("schedcp_userspace_round_trip_seconds{quantile=\"0.5\"} 1.2E-5\n")
                .contains("schedcp_userspace_round_trip_seconds_count 5000\n");
        promtoolAccepts(text);
    }

    @Test
    void theAgentsFiguresAreAbsentWhileTheyDoNotRun() throws Exception {
        host = TestDaemon.start(
                temp,
                FakeSloControl.notRunning(),
                FakePolicyControl.notRunning(temp.resolve("u.sock")),
                new ScriptedBench(),
                () -> SNAPSHOT);

        String text = scrape();

        assertThat(text).doesNotContain("schedcp_slo_").doesNotContain("schedcp_userspace_");
        assertThat(text).contains("schedcp_scheduler_running 0.0");
        promtoolAccepts(text);
    }

    /** Prometheus's own linter, where Debian's prometheus package is installed. */
    private void promtoolAccepts(String text) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeThat(Files.isExecutable(promtool)).as("promtool is installed").isTrue();
        Path file = Files.writeString(temp.resolve("metrics.txt"), text, StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(List.of(promtool.toString(), "check", "metrics"))
                .redirectInput(file.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // promtool's lint flags counters without _total and so on; a parse error is what fails here.
        assertThat(output).doesNotContain("error while linting").doesNotContain("text format parsing error");
        assertThat(check.exitValue()).as("promtool: %s", output).isIn(0, 3);
    }
}
