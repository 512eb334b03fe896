package io.schedcp.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.ErrorDetail;
import io.schedcp.api.ErrorDetail.Input;
import io.schedcp.api.ErrorDetail.MissingInput;
import io.schedcp.api.ErrorDetail.OutOfRange;
import io.schedcp.api.ErrorDetail.RepeatedValue;
import io.schedcp.api.SchedcpException;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.MonitorSummary;
import io.schedcp.core.monitor.SummaryFixtures;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.testkit.kernel.FakeSchedExt;
import io.schedcp.testkit.kernel.FakeSchedulerProgram;
import io.schedcp.testkit.provider.FakeProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Benches against the fake kernel: real child processes for the schedulers and the benchmark command. */
class BenchRunnerTest {

    @TempDir
    Path temp;

    private FakeSchedExt kernel;
    private SchedulerManager manager;
    private final List<BenchRun> recorded = new CopyOnWriteArrayList<>();
    private final List<MonitorSummary> summaries = new CopyOnWriteArrayList<>();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        kernel = FakeSchedExt.in(temp);
        manager = SchedulerManager.builder()
                .config(new SchedcpConfig(
                        temp.resolve("home"),
                        Map.of("SCHEDCP_SCHED_EXT_DIR", kernel.directory().toString())))
                .discoverProviders(false)
                .loadPlugins(false)
                .foreignOwners(List::of)
                .launcher(new PrivilegedLauncher(Privilege.direct()))
                .settings(new ManagerSettings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(20)))
                .provider(new FakeProvider(FakeSchedulerProgram.installAt(temp.resolve("fake-scheduler.sh")), kernel)
                        .withEjectingScheduler())
                .build();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private BenchResult bench(List<String> schedulers, int runs, String script) throws InterruptedException {
        BenchHooks.RunMonitor monitor = interval -> () -> Optional.of(SummaryFixtures.full(interval));
        BenchHooks.RunRecorder recorder = (workload, run, summary) -> {
            recorded.add(run);
            summary.ifPresent(summaries::add);
            return "h-" + recorded.size();
        };
        BenchPlan plan = new BenchPlan(
                "w-1",
                schedulers,
                List.of("/bin/sh", "-c", script),
                runs,
                Duration.ofMillis(100),
                Duration.ofSeconds(20));
        return new BenchRunner(manager, monitor, recorder).run(plan, p -> progress.add(p.line()));
    }

    /** Prints hackbench's line: 0.5 s under a sched_ext scheduler, 1.0 s under the kernel's default. */
    private String timedByState() {
        return "if grep -q '^enabled' " + kernel.directory().resolve("state") + "; then echo 'Time: 0.5'; "
                + "else echo 'Time: 1.0'; fi; cat " + kernel.directory().resolve("state");
    }

    @Test
    void eachSchedulerRunsTheCommandUnderItselfAndEveryRunIsRecordedWithItsMetrics() throws Exception {
        BenchResult result = bench(List.of("default", "fake_a"), 2, timedByState());

        assertThat(result.runs()).hasSize(4).allMatch(BenchRun::succeeded);
        assertThat(recorded).extracting(BenchRun::scheduler).containsExactly("default", "default", "fake_a", "fake_a");
        assertThat(result.runs()).extracting(BenchRun::historyId).containsExactly("h-1", "h-2", "h-3", "h-4");
        assertThat(result.runs().get(0).output()).contains("disabled");
        assertThat(result.runs().get(2).output()).contains("enabled");
        assertThat(result.runs().get(2).metrics())
                .containsEntry("hackbench_time_s", 0.5)
                .containsKey(BenchRun.WALL_TIME);
        assertThat(summaries)
                .hasSize(4)
                .extracting(MonitorSummary::intervalMillis)
                .containsOnly(100L);
        assertThat(kernel.state()).isEqualTo("disabled");
    }

    @Test
    void theComparisonGivesEachSchedulersRatioToTheDefault() throws Exception {
        Comparison comparison =
                bench(List.of("default", "fake_a"), 1, timedByState()).comparison();

        assertThat(comparison.baseline()).isEqualTo("default");
        assertThat(comparison.primaryMetric()).isEqualTo("hackbench_time_s");
        Comparison.Row fakeA = comparison.rows().get(1);
        assertThat(fakeA.means()).containsEntry("hackbench_time_s", 0.5);
        assertThat(fakeA.ratios()).containsEntry("hackbench_time_s", 0.5);
        assertThat(fakeA.advantages()).containsEntry("hackbench_time_s", 2.0);
        assertThat(ComparisonText.render(comparison))
                .contains("fake_a")
                .contains("0.500 (0.50x)")
                .contains("ratios are to default");
        String svg = ComparisonChart.svg(comparison, "hackbench");
        assertThat(svg).startsWith("<svg").contains("2.00x").contains("1.00x").endsWith("</svg>\n");
    }

    @Test
    void aSchedulerThatCannotStartIsRecordedAsFailedAndTheBenchGoesOn() throws Exception {
        BenchResult result = bench(List.of("fake_missing", "fake_a"), 2, "echo 'Time: 0.1'");

        assertThat(result.runs()).hasSize(4);
        assertThat(result.runs().subList(0, 2))
                .allSatisfy(run -> assertThat(run.failure())
                        .startsWith("fake_missing did not start: ")
                        .contains("fake_missing is not installed"));
        assertThat(result.runs().subList(2, 4)).allMatch(BenchRun::succeeded);
        assertThat(recorded).hasSize(4);
    }

    @Test
    void aSchedulerEjectedDuringARunFailsThatRunAndTheRestWithTheReason() throws Exception {
        BenchResult result = bench(List.of("fake_ejects", "default"), 2, "sleep 1; echo 'Time: 1.0'");

        assertThat(result.runs().get(0).failure())
                .contains("fake_ejects stopped running")
                .contains("during run 1");
        assertThat(result.runs().get(1).failure()).contains("fake_ejects stopped running");
        assertThat(result.runs().subList(2, 4)).allMatch(BenchRun::succeeded);
        assertThat(ComparisonText.render(result.comparison())).contains("fake_ejects failed a run: ");
    }

    @Test
    void aCommandThatFailsFailsItsRun() throws Exception {
        BenchResult result = bench(List.of("default"), 1, "echo oops; exit 3");

        assertThat(result.runs().get(0).failure()).isEqualTo("the command exited with status 3");
        assertThat(result.runs().get(0).output()).contains("oops");
        assertThat(result.runs().get(0).metrics()).isEmpty();
    }

    @Test
    void progressSaysWhichSchedulerAndRunIsGoing() throws Exception {
        bench(List.of("default", "fake_a"), 2, "true");

        assertThat(progress)
                .contains(
                        "[1/4] default: starting",
                        "[3/4] fake_a: starting",
                        "[4/4] fake_a run 2/2: running /bin/sh -c true")
                .anyMatch(line -> line.startsWith("[4/4] fake_a: stopped fake_a"));
    }

    @Test
    void anUnknownSchedulerStopsTheBenchBeforeAnythingRuns() {
        assertThatThrownBy(() -> bench(List.of("default", "nope"), 1, "true"))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("nope");
        assertThat(recorded).isEmpty();
    }

    @Test
    void aPlanRefusesNoSchedulersARepeatedOneNoCommandAndBadRunCounts() {
        assertRefused(
                () -> new BenchPlan("w", List.of(), List.of("x"), 1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "no scheduler was named to compare",
                new MissingInput(Input.BENCH_SCHEDULERS));
        assertRefused(
                () -> new BenchPlan(
                        "w", List.of("a", "b", "a"), List.of("x"), 1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "a is named twice among the schedulers to compare [a, b, a]",
                new RepeatedValue(Input.BENCH_SCHEDULERS, "a"));
        assertRefused(
                () -> new BenchPlan("w", List.of("a"), List.of(), 1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "no benchmark command was given",
                new MissingInput(Input.BENCH_COMMAND));
        assertRefused(
                () -> new BenchPlan("w", List.of("a"), List.of("x"), 0, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "0 runs per scheduler is out of range: 1 to 100",
                new OutOfRange(Input.BENCH_RUNS, 0, 1, 100));
        assertRefused(
                () -> new BenchPlan("w", List.of("a"), List.of("x"), 101, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                "101 runs per scheduler is out of range: 1 to 100",
                new OutOfRange(Input.BENCH_RUNS, 101, 1, 100));
    }

    /** The plan is refused with the fact alone (no flag of any front end) and the detail for their advice. */
    private static void assertRefused(ThrowingCallable plan, String fact, ErrorDetail detail) {
        assertThatThrownBy(plan)
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchedcpException.Kind.INVALID_INPUT);
                    assertThat(e.detail()).contains(detail);
                })
                .hasMessage(fact);
    }
}
