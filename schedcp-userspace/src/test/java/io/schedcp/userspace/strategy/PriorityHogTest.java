package io.schedcp.userspace.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.userspace.harness.Harness;
import io.schedcp.userspace.harness.HarnessConfig;
import io.schedcp.userspace.harness.HarnessResult;
import io.schedcp.userspace.harness.TaskResult;
import io.schedcp.userspace.harness.Workload;
import io.schedcp.userspace.policy.FairPolicy;
import io.schedcp.userspace.strategy.TaskMatch.ByComm;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gthulhu issue #52: a strategy gives priority to {@code yes}, which never sleeps. The starvation guard takes the
 * priority away once it has run the budget without sleeping, so everything else still gets its share.
 */
class PriorityHogTest {

    private static final long MS = 1_000_000;
    private static final long DURATION = 10_000 * MS;
    private static final int PERIODIC = 4;

    @TempDir
    Path cgroups;

    private HarnessResult run(HarnessConfig config, Workload workload) {
        StrategyBook book =
                new StrategyBook(List.of(new Strategy("yes-first", ByComm.of("^yes$"), true, OptionalLong.empty())));
        StrategiesPolicy policy =
                new StrategiesPolicy(book, CgroupPaths.under(cgroups), new FairPolicy(config.defaultSliceNs(), 0));
        return new Harness(config).run(policy, workload, DURATION);
    }

    private static Workload oneYes() {
        return Workload.builder()
                .hog(1, "yes")
                .hog(2, "make")
                .hog(3, "gzip")
                .periodic(PERIODIC, "audio", 1 * MS, 9 * MS)
                .build();
    }

    private static Workload yesOnEachCpu() {
        return Workload.builder()
                .hog(1, "yes")
                .hog(5, "yes")
                .hog(2, "make")
                .hog(3, "gzip")
                .periodic(PERIODIC, "audio", 1 * MS, 9 * MS)
                .build();
    }

    @Test
    void withTheGuardAPriorityYesGetsNoMoreThanItsFairShareAndTheOthersKeepTheirs() {
        HarnessResult result = run(HarnessConfig.of(2), oneYes());

        // The periodic task wants a tenth of a CPU, less what it waits; the three hogs share the rest, 0.63 each.
        assertThat(result.cpuShare(PERIODIC)).isGreaterThan(0.085);
        for (int hog = 1; hog <= 3; hog++) {
            assertThat(result.cpuShare(hog)).as("hog %d", hog).isBetween(0.58, 0.68);
        }
        assertWaitsAreBounded(result.task(PERIODIC).orElseThrow());
        assertThat(result.task(1).orElseThrow().demotions()).isGreaterThan(0);
        assertThat(result.demoted()).isEqualTo(result.task(1).orElseThrow().demotions());
    }

    @Test
    void withoutTheGuardAPriorityYesTakesAWholeCpuAndTheOthersLoseAThirdOfTheirShare() {
        HarnessResult result = run(HarnessConfig.of(2).withoutGuard(), oneYes());

        assertThat(result.cpuShare(1)).isGreaterThan(0.99);
        assertThat(result.cpuShare(2)).isLessThan(0.5);
        assertThat(result.cpuShare(3)).isLessThan(0.5);
        assertThat(result.demoted()).isZero();
    }

    @Test
    void withTheGuardPriorityYesesOnEveryCpuStillLeaveTheOthersAFairShare() {
        HarnessResult result = run(HarnessConfig.of(2), yesOnEachCpu());

        for (int hog : new int[] {1, 2, 3, 5}) {
            assertThat(result.cpuShare(hog)).as("hog %d", hog).isBetween(0.42, 0.53);
        }
        assertThat(result.cpuShare(PERIODIC)).isGreaterThan(0.085);
        assertWaitsAreBounded(result.task(PERIODIC).orElseThrow());
    }

    @Test
    void withoutTheGuardPriorityYesesOnEveryCpuStarveEverythingElse() {
        HarnessResult result = run(HarnessConfig.of(2).withoutGuard(), yesOnEachCpu());

        assertThat(result.cpuShare(1) + result.cpuShare(5)).isGreaterThan(1.99);
        assertThat(result.cpuShare(2)).isZero();
        assertThat(result.cpuShare(3)).isZero();
        assertThat(result.task(PERIODIC).orElseThrow().maxWakeWaitNs()).isGreaterThan(DURATION - 10 * MS);
    }

    /**
     * The guard lets a priority task run its budget before it demotes it, and a slice may have begun just before:
     * no wait is longer than that, and almost every wait is shorter than a slice.
     */
    private static void assertWaitsAreBounded(TaskResult periodic) {
        assertThat(periodic.maxWakeWaitNs())
                .isLessThanOrEqualTo(HarnessConfig.DEFAULT_PRIORITY_BUDGET_NS + HarnessConfig.DEFAULT_SLICE_NS);
        assertThat(periodic.p99WakeWaitNs()).isLessThanOrEqualTo(HarnessConfig.DEFAULT_SLICE_NS);
    }
}
