package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.lab.Lab;
import io.schedcp.lab.LabOptions;
import io.schedcp.lab.LabResult;
import io.schedcp.lab.LabScenario;
import io.schedcp.lab.LabToolchain;
import io.schedcp.lab.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scx_slo on a real sched_ext kernel, through the CLI of this build: one lab boot runs bpf/lab/tests/slo.sh
 * (refused configs, a run with a live budget cut and set, a hog in an SLO group, 4x oversubscription for
 * 60 s, SIGINT), then each test asserts on the facts it printed.
 */
class SloLabIT {

    private static String out;

    @BeforeAll
    static void bootOnce() throws Exception {
        LabToolchain toolchain = LabTests.readyOrSkip("SLO lab tests");
        Path bin = Path.of(System.getProperty("schedcp.dist", "target/schedcp"))
                .resolve("bin")
                .toAbsolutePath();
        LabOptions options = LabOptions.defaults()
                .withScenarioTimeout(Duration.ofMinutes(25))
                .withPath(List.of(bin))
                .withEnvironment(Map.of("SCHEDCP_LOG_LEVEL", "info"));
        LabResult result = LabTests.boot(
                new Lab(toolchain, LabTests.cache()),
                List.of(new LabScenario("slo", "bash " + LabTests.SCRIPTS + "/slo.sh")),
                options);
        for (ScenarioResult scenario : result.scenarios()) {
            System.out.printf(
                    "slo lab scenario %s %.1f s exit %d (boot %.1f s)%n",
                    scenario.name(),
                    scenario.duration().toMillis() / 1000.0,
                    scenario.exitCode(),
                    result.boot().toMillis() / 1000.0);
        }
        out = LabTests.output(result, "slo");
        System.out.println("slo lab scenario output:\n" + out);
        System.out.println("slo lab: " + figures());
    }

    @Test
    void aConfigWithABadValueIsRefusedWithItsLineBeforeAnythingLoads() {
        assertRefused("bad-value", "bad-value.yaml line 4");
    }

    @Test
    void aConfigNamingAMissingCgroupIsRefusedWithItsLineBeforeAnythingLoads() {
        assertRefused("no-cgroup", "no-cgroup.yaml line 4: cgroup nosuch does not exist");
    }

    @Test
    void anUnknownFlagIsRefusedWithTheFlagsItTakes() {
        assertRefused("bad-flag", "scx_slo does not take --budget");
    }

    @Test
    void scxSloEnablesWithItsOpsNameAndTheKernelIsBackToDisabledAfterSigint() {
        assertThat(out)
                .as(out)
                .contains("state=enabled ops=slo")
                .contains("schedcp-slo: scx_slo attached (struct_ops map slo_ops), 2 group(s)")
                .contains("run rc=0")
                .contains("after state=disabled")
                .contains("scx_slo detached on request");
    }

    @Test
    void aBudgetCutByAnEditOfTheConfigRaisesTheMissesWhileItRuns() {
        long runsBefore = figure("before runs");
        long missesBefore = figure("before runs=\\d+ misses");
        long runsAfter = figure("after runs");
        long missesAfter = figure("after runs=\\d+ misses");
        assertThat(out).contains("applied the edit of").contains("budget_ns=20000 ");
        assertThat(runsBefore).as(out).isGreaterThan(100);
        assertThat((double) missesBefore / runsBefore).as("miss ratio at 50 ms").isLessThan(0.1);
        double during = (double) (missesAfter - missesBefore) / (runsAfter - runsBefore);
        assertThat(during).as("miss ratio at 20 µs, " + figures()).isGreaterThan(0.5);
    }

    @Test
    void missesReachTheStatusTableAndTheRingBuffersRecentMisses() {
        assertThat(figure("recent_lat")).as(out).isPositive();
        assertThat(out).contains("status1 rc=0").contains("status2 rc=0").contains("table rc=0");
        assertThat(between("--- status table", "--- end")).contains("lat").contains("batch");
    }

    @Test
    void setChangesTheBudgetOfTheRunningSchedulerAndRefusesAMissingCgroup() {
        assertThat(out).as(out).contains("set rc=0").contains("set budget_ns=100000000");
        assertThat(out).containsPattern("set-missing rc=[1-9]");
    }

    @Test
    void aHogInAnSloGroupIsThrottledAndDoesNotStarveWorkOutsideIt() {
        // Two spinning tasks in lat (2 ms budget, max_cpu_pct 50) beside one in batch, on 2 CPUs, for 20 s. The
        // cap is work-conserving (a throttled group still takes a CPU that would idle), so its share may pass
        // 50 %, but it must not take the machine.
        assertThat(figure("hog share_pct")).as(figures()).isBetween(30L, 80L);
        assertThat(figure("victim share_pct")).as(figures()).isGreaterThanOrEqualTo(10L);
        assertThat(out).as(out).contains("victim rc=0");
        assertThat(figure("throttled")).as(out).isPositive();
        // Work-conserving: with three spinning tasks on two CPUs, the CPUs do not idle while the capped group
        // waits.
        assertThat(figure("idle_pct")).as(figures()).isLessThanOrEqualTo(10L);
    }

    @Test
    void stressAtFourTimesTheCpusForAMinuteDoesNotGetItEjected() {
        assertThat(out).as(out).contains("stress4x rc=0 state=enabled ops=slo");
    }

    private static void assertRefused(String name, String message) {
        assertThat(out).as(out).containsPattern(name + " rc=[1-9][0-9]* state=disabled");
        assertThat(between("--- " + name, "--- end")).contains(message).doesNotContain("Exception");
    }

    private static long figure(String key) {
        return new LabOutput(out).figure(key);
    }

    private static String between(String start, String end) {
        return new LabOutput(out).between(start, end);
    }

    private static String figures() {
        return new LabOutput(out)
                .lines(List.of("slo start ms", "before runs", "after runs", "hog share_pct", "hog rest", "stress4x"));
    }
}
