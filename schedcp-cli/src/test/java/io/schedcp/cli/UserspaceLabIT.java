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
 * scx_userspace on a real sched_ext kernel, through the CLI of this build: one lab boot runs
 * bpf/lab/tests/userspace.sh (refused flags; one run of the strategies policy with a workload, hackbench, two
 * SIGSTOPs of the agent and the starvation guard against two priority hogs; kill -9 of a second run's agent),
 * then each test asserts on the facts it printed.
 */
class UserspaceLabIT {

    private static LabOutput out;

    @BeforeAll
    static void bootOnce() throws Exception {
        LabToolchain toolchain = LabTests.readyOrSkip("userspace-policy lab tests");
        Path bin = Path.of(System.getProperty("schedcp.dist", "target/schedcp"))
                .resolve("bin")
                .toAbsolutePath();
        LabOptions options = LabOptions.defaults()
                .withScenarioTimeout(Duration.ofMinutes(30))
                .withPath(List.of(bin))
                .withEnvironment(Map.of("SCHEDCP_LOG_LEVEL", "info"));
        LabResult result = LabTests.boot(
                new Lab(toolchain, LabTests.cache()),
                List.of(new LabScenario("userspace", "bash " + LabTests.SCRIPTS + "/userspace.sh")),
                options);
        for (ScenarioResult scenario : result.scenarios()) {
            System.out.printf(
                    "userspace lab scenario %s %.1f s exit %d (boot %.1f s)%n",
                    scenario.name(),
                    scenario.duration().toMillis() / 1000.0,
                    scenario.exitCode(),
                    result.boot().toMillis() / 1000.0);
        }
        out = new LabOutput(LabTests.output(result, "userspace"));
        System.out.println("userspace lab scenario output:\n" + out.text());
        System.out.println("userspace lab: " + figures());
    }

    @Test
    void anUnknownPolicyIsRefusedWithThePoliciesThereAreBeforeAnythingLoads() {
        assertRefused("bad-policy", "nosuch");
        assertThat(out.between("--- bad-policy", "--- end")).contains("fair").contains("fifo");
    }

    @Test
    void aSliceOutOfRangeAndAnUnknownFlagAreRefusedWithTheFix() {
        assertRefused("bad-slice", "--slice-us 5 is out of range; give one from 100 to 1000000");
        assertRefused("bad-flag", "scx_userspace does not take --quantum");
    }

    @Test
    void itEnablesWithItsOpsNameSchedulesAWorkloadAndStopsBackToDisabledOnSigint() {
        assertThat(out.text())
                .as(out.text())
                .contains("state=enabled ops=userspace")
                .contains("workload rc=0")
                .contains("hackbench rc=0")
                .contains("run rc=0")
                .contains("after state=disabled")
                .contains("scx_userspace detached on request");
        String stats = out.between("stall stats", "\n");
        assertThat(new LabOutput(stats).figure("user_dispatched")).as(stats).isGreaterThan(1000);
        assertThat(new LabOutput(stats).figure("failed")).as(stats).isZero();
    }

    @Test
    void schedcpStatusShowsItsStatisticsWhileItRuns() {
        assertThat(out.text()).as(out.text()).contains("kernel status rc=0 ");
        LabOutput status = new LabOutput(out.between("kernel status", "\n"));
        assertThat(status.figure("queued")).as(status.text()).isPositive();
        assertThat(status.figure("user_dispatched")).as(status.text()).isPositive();
        assertThat(out.between("--- status", "--- end"))
                .contains("(userspace:scx_userspace)")
                .contains("round trip (");
    }

    @Test
    void aPauseOfTheAgentIsSurvivedThroughTheFallbackAndCounted() {
        assertThat(out.text())
                .as(out.text())
                .contains("after stop200 state=enabled ops=userspace")
                .contains("after stop2000 state=enabled ops=userspace");
        LabOutput stats = new LabOutput(out.between("stall stats", "\n"));
        assertThat(stats.figure("stalls")).as(stats.text()).isGreaterThanOrEqualTo(2);
        assertThat(stats.figure("fallback")).as(stats.text()).isPositive();
    }

    @Test
    void theStarvationGuardGivesAnOrdinaryHogItsShareBesideTwoPriorityHogs() {
        long yes1 = out.figure("yes1");
        long yes2 = out.figure("yes2");
        long plain = out.figure("plain");
        // Fair: each of the three gets 2/3 of a CPU. Without the guard the ordinary hog would get nothing.
        assertThat(plain).as(figures()).isGreaterThanOrEqualTo((yes1 + yes2) / 2 / 2);
        LabOutput stats = new LabOutput(out.between("guard stats", "\n"));
        assertThat(stats.figure("demoted")).as(stats.text()).isPositive();
    }

    @Test
    void aStrategySetWhileItRunsGivesItsTaskALargerShare() {
        assertThat(out.text()).as(out.text()).contains("policy set rc=0");
        long before = out.figure("share before a");
        long beforeOther = out.figure("share before a=\\d+ b");
        long after = out.figure("after a");
        long afterOther = out.figure("after a=\\d+ b");
        // Two periodic hogs and two plain ones on 2 CPUs, 10 s before and 10 s after the set: the one given
        // priority gets more CPU than before, and more than its twin.
        assertThat(after).as(figures()).isGreaterThan(before);
        assertThat(after).as(figures()).isGreaterThan(afterOther);
        assertThat(beforeOther).as(figures()).isPositive();
    }

    @Test
    void theStrategiesAreListedTheStatusReadAndARemovalOfAnUnknownIdRefused() {
        assertThat(out.text())
                .as(out.text())
                .contains("policy list rc=0")
                .contains("policy status rc=0")
                .contains("policy remove rc=0")
                .contains("policy remove-again rc=3");
        assertThat(out.between("--- policy list", "--- end")).contains("boost");
        assertThat(out.figure("policy status queued")).isPositive();
    }

    @Test
    void underThePolicyFairAStrategyChangeIsRefusedAsNothingWouldFollowIt() {
        assertThat(out.text()).as(out.text()).contains("policy set-fair rc=2");
        assertThat(out.between("--- set-fair", "--- end"))
                .contains("strategies")
                .doesNotContain("Exception");
    }

    @Test
    void killingTheAgentWithSigkillLeavesTheKernelOnItsDefaultScheduler() {
        assertThat(out.text()).as(out.text()).contains("after kill9 state=disabled");
    }

    private static void assertRefused(String name, String message) {
        assertThat(out.text()).as(out.text()).containsPattern(name + " rc=[1-9][0-9]* state=disabled");
        assertThat(out.between("--- " + name, "--- end")).contains(message).doesNotContain("Exception");
    }

    private static String figures() {
        return out.lines(List.of(
                "userspace start ms", "hackbench rc", "share before", "guard ticks", "guard stats", "stall stats"));
    }
}
