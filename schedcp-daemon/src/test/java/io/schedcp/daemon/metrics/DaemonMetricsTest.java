package io.schedcp.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.schedcp.daemon.supervise.FakeKernelHost;
import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.Poll;
import io.schedcp.daemon.supervise.RestartPolicy;
import io.schedcp.daemon.supervise.Supervisor;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's metrics after the supervisor's scenarios on the fake kernel: the families and their values,
 * and a text format that Prometheus' own promtool accepts without a lint problem.
 */
class DaemonMetricsTest {

    private static final RestartPolicy POLICY = new RestartPolicy(2, Duration.ofMillis(50), Duration.ofMillis(200));
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private FakeKernelHost host;
    private Supervisor supervisor;
    private DaemonMetrics metrics;

    @BeforeEach
    void setUp() {
        host = new FakeKernelHost(temp);
        supervisor = new Supervisor(host.manager, POLICY);
        metrics = new DaemonMetrics(host.manager, supervisor);
    }

    @AfterEach
    void tearDown() {
        if (supervisor != null) {
            supervisor.close();
        }
        host.close();
    }

    private void awaitOutcome(long request, Phase phase) {
        Poll.until(
                supervisor::status,
                s -> s.request() == request && s.settled() && s.phase() == phase,
                WAIT,
                "settled in " + phase + " for request " + request);
    }

    /** The first scrape that meets {@code condition}: the kernel's state is cached for 200 ms between scrapes. */
    private Scrape awaitScrape(Predicate<Scrape> condition, String what) {
        return Poll.until(() -> Scrape.of(metrics.scrape()), condition, WAIT, what);
    }

    @Test
    void anIdleDaemonExportsItsFamiliesWithTheKernelDisabled() {
        Scrape scrape = Scrape.of(metrics.scrape());

        assertThat(scrape.types())
                .containsEntry("schedcp_sched_ext_enabled", "gauge")
                .containsEntry("schedcp_sched_ext_state", "gauge")
                .containsEntry("schedcp_sched_ext_enable_seq_total", "counter")
                .containsEntry("schedcp_sched_ext_rejected_total", "counter")
                .containsEntry("schedcp_scheduler_phase", "gauge")
                .containsEntry("schedcp_scheduler_running", "gauge")
                .containsEntry("schedcp_scheduler_gave_up", "gauge")
                .containsEntry("schedcp_scheduler_restarts_total", "counter")
                .containsEntry("schedcp_scheduler_uptime_seconds", "gauge")
                // With no scheduler loaded there is no ops name and no root/events: those families have no series.
                .doesNotContainKeys("schedcp_sched_ext_ops", "schedcp_sched_ext_events_total");
        assertThat(scrape.samples())
                .containsEntry("schedcp_sched_ext_enabled", 0.0)
                .containsEntry("schedcp_sched_ext_state{state=\"disabled\"}", 1.0)
                .containsEntry("schedcp_sched_ext_state{state=\"enabled\"}", 0.0)
                .containsEntry("schedcp_sched_ext_enable_seq_total", 0.0)
                .containsEntry("schedcp_sched_ext_rejected_total", 0.0)
                .containsEntry("schedcp_scheduler_phase{phase=\"idle\",scheduler=\"\"}", 1.0)
                .containsEntry("schedcp_scheduler_running", 0.0)
                .containsEntry("schedcp_scheduler_gave_up", 0.0)
                .containsEntry("schedcp_scheduler_restarts_total", 0.0)
                .containsEntry("schedcp_scheduler_uptime_seconds", 0.0);
        assertThat(scrape.samples().keySet()).noneMatch(series -> series.startsWith("schedcp_sched_ext_ops{"));
    }

    @Test
    void aRunningSchedulerShowsEnabledWithItsOpsAndTheKernelsEvents() throws Exception {
        awaitOutcome(supervisor.run("fake_a", List.of(), false).request(), Phase.RUNNING);
        host.writeEvents("SCX_EV_SELECT_CPU_FALLBACK 7\nSCX_EV_DISPATCH_KEEP_LAST 42\n");

        Scrape scrape = awaitScrape(
                s -> s.value("schedcp_sched_ext_events_total{event=\"SCX_EV_DISPATCH_KEEP_LAST\"}")
                        .isPresent(),
                "showing the kernel's events");

        assertThat(scrape.types())
                .containsEntry("schedcp_sched_ext_ops", "gauge")
                .containsEntry("schedcp_sched_ext_events_total", "counter");
        assertThat(scrape.samples())
                .containsEntry("schedcp_sched_ext_enabled", 1.0)
                .containsEntry("schedcp_sched_ext_state{state=\"enabled\"}", 1.0)
                .containsEntry("schedcp_sched_ext_state{state=\"disabled\"}", 0.0)
                .containsEntry("schedcp_sched_ext_ops{ops=\"fake_a\"}", 1.0)
                .containsEntry("schedcp_sched_ext_events_total{event=\"SCX_EV_SELECT_CPU_FALLBACK\"}", 7.0)
                .containsEntry("schedcp_sched_ext_events_total{event=\"SCX_EV_DISPATCH_KEEP_LAST\"}", 42.0)
                .containsEntry("schedcp_scheduler_phase{phase=\"running\",scheduler=\"fake:fake_a\"}", 1.0)
                .containsEntry("schedcp_scheduler_phase{phase=\"gave_up\",scheduler=\"fake:fake_a\"}", 0.0)
                .containsEntry("schedcp_scheduler_running", 1.0)
                .containsEntry("schedcp_scheduler_gave_up", 0.0)
                .containsEntry("schedcp_scheduler_restarts_total", 0.0);
        assertThat(scrape.value("schedcp_scheduler_uptime_seconds"))
                .hasValueSatisfying(
                        up -> assertThat(up).isGreaterThanOrEqualTo(0.0).isLessThan((double) WAIT.toSeconds()));
    }

    @Test
    void aSchedulerGivenUpOnShowsItsRestartsAndTheKernelDisabled() {
        awaitOutcome(supervisor.run("fake_ejects", List.of(), false).request(), Phase.GAVE_UP);

        Scrape scrape = awaitScrape(
                s -> s.value("schedcp_sched_ext_enabled").equals(Optional.of(0.0)), "showing the kernel disabled");

        assertThat(scrape.samples())
                .containsEntry("schedcp_scheduler_restarts_total", 2.0)
                .containsEntry("schedcp_scheduler_gave_up", 1.0)
                .containsEntry("schedcp_scheduler_running", 0.0)
                .containsEntry("schedcp_scheduler_uptime_seconds", 0.0)
                .containsEntry("schedcp_scheduler_phase{phase=\"gave_up\",scheduler=\"fake:fake_ejects\"}", 1.0)
                .containsEntry("schedcp_scheduler_phase{phase=\"running\",scheduler=\"fake:fake_ejects\"}", 0.0)
                .containsEntry("schedcp_sched_ext_state{state=\"disabled\"}", 1.0)
                .containsEntry("schedcp_sched_ext_state{state=\"enabled\"}", 0.0);
        assertThat(scrape.samples().keySet()).noneMatch(series -> series.startsWith("schedcp_sched_ext_ops{"));
    }

    @Test
    void aSchedulerThatCannotStartShowsGaveUpWithoutRestarts() {
        awaitOutcome(supervisor.run("fake_missing", List.of(), false).request(), Phase.GAVE_UP);

        Scrape scrape = Scrape.of(metrics.scrape());

        assertThat(scrape.samples())
                .containsEntry("schedcp_scheduler_gave_up", 1.0)
                .containsEntry("schedcp_scheduler_restarts_total", 0.0)
                .containsEntry("schedcp_sched_ext_enabled", 0.0);
    }

    @Test
    void aScrapeNeverWaitsOnAStartUnderWay() {
        long request =
                supervisor.run("fake_a", List.of("--never-enable"), false).request();
        Poll.until(
                supervisor::status,
                (SupervisorStatus s) -> s.request() == request && s.phase() == Phase.STARTING,
                WAIT,
                "starting");

        Scrape scrape = Scrape.of(assertTimeoutPreemptively(Duration.ofMillis(500), metrics::scrape));

        assertThat(scrape.samples())
                .containsEntry("schedcp_scheduler_phase{phase=\"starting\",scheduler=\"fake:fake_a\"}", 1.0);
    }

    @Test
    void promtoolAcceptsTheScrapeOfEachScenarioWithoutLintProblems() throws Exception {
        List<String> scrapes = new ArrayList<>();
        scrapes.add(metrics.scrape());
        awaitOutcome(supervisor.run("fake_a", List.of(), false).request(), Phase.RUNNING);
        host.writeEvents("SCX_EV_SELECT_CPU_FALLBACK 7\nSCX_EV_DISPATCH_KEEP_LAST 42\n");
        scrapes.add(awaitScrape(s -> s.text().contains("SCX_EV_SELECT_CPU_FALLBACK"), "showing the events")
                .text());
        awaitOutcome(supervisor.run("fake_ejects", List.of(), false).request(), Phase.GAVE_UP);
        scrapes.add(metrics.scrape());

        for (String scrape : scrapes) {
            Promtool.Verdict verdict = Promtool.checkMetrics(scrape);

            assertThat(verdict.output()).as("promtool's lint of%n%s", scrape).isEmpty();
            assertThat(verdict.exitCode())
                    .as("promtool's exit status, on%n%s", scrape)
                    .isZero();
        }
    }

    @Test
    void promtoolRefusesABrokenScrape() throws Exception {
        // The check can fail: a counter without the _total suffix is a lint problem.
        Promtool.Verdict verdict = Promtool.checkMetrics("""
                # HELP bad_count a count
                # TYPE bad_count counter
                bad_count 1
                """);

        assertThat(verdict.exitCode()).isNotZero();
        assertThat(verdict.output()).contains("bad_count");
    }
}
