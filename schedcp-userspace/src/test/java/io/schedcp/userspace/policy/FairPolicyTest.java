package io.schedcp.userspace.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.userspace.harness.Harness;
import io.schedcp.userspace.harness.HarnessConfig;
import io.schedcp.userspace.harness.HarnessResult;
import io.schedcp.userspace.harness.HarnessTask;
import io.schedcp.userspace.harness.Workload;
import org.junit.jupiter.api.Test;

class FairPolicyTest {

    private static final long SLICE = HarnessConfig.DEFAULT_SLICE_NS;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void givenHogsOfWeight100And200OnOneCpuThenTheyGetCpuInTheRatioOneToTwo() {
        Workload hogs =
                Workload.builder().hog(1, "light", 100).hog(2, "heavy", 200).build();

        HarnessResult result = new Harness(HarnessConfig.of(1)).run(new FairPolicy(SLICE, 0), hogs, 10 * SECOND);

        double light = result.cpuShare(1);
        double heavy = result.cpuShare(2);
        assertThat(light + heavy).isCloseTo(1.0, within(0.001));
        assertThat(heavy / light).isCloseTo(2.0, within(0.06));
    }

    @Test
    void givenThreeEqualHogsOnTwoCpusThenEachGetsTwoThirdsOfACpu() {
        Workload hogs = Workload.builder().hog(1, "a").hog(2, "b").hog(3, "c").build();

        HarnessResult result = new Harness(HarnessConfig.of(2)).run(new FairPolicy(SLICE, 0), hogs, 10 * SECOND);

        for (int pid = 1; pid <= 3; pid++) {
            assertThat(result.cpuShare(pid)).as("pid %d", pid).isCloseTo(2.0 / 3, within(0.02));
        }
    }

    @Test
    void aTaskThatSleptLongGetsAtMostOneSliceOfCredit() {
        FairPolicy fair = new FairPolicy(SLICE, 0);
        Dispatch out = new Dispatch();
        HarnessTask hog = new HarnessTask().pid(1).comm("hog").vtime(100 * SLICE);
        fair.decide(hog, out.reset(hog));
        HarnessTask sleeper = new HarnessTask().pid(2).comm("sleeper").vtime(3 * SLICE);

        fair.decide(sleeper, out.reset(sleeper));

        assertThat(out.vtime()).isEqualTo(99 * SLICE);
        assertThat(fair.vtimeNow()).isEqualTo(100 * SLICE);
    }

    @Test
    void aTaskAheadOfTheOthersKeepsItsOwnVirtualTime() {
        FairPolicy fair = new FairPolicy(SLICE, 2_000_000);
        Dispatch out = new Dispatch();
        HarnessTask task = new HarnessTask().pid(1).comm("ahead").vtime(7 * SLICE);

        fair.decide(task, out.reset(task));

        assertThat(out.vtime()).isEqualTo(7 * SLICE);
        assertThat(out.sliceNs()).isEqualTo(2_000_000);
        assertThat(out.cpu()).isEqualTo(Dispatch.ANY_CPU);
        assertThat(out.priority()).isFalse();
    }

    @Test
    void aWakingSleeperRunsBeforeTheHogsButDoesNotMonopolizeTheCpu() {
        // The sleeper wakes every 200 ms to run 10 ms: owed little, it still runs within a slice of waking.
        Workload load = Workload.builder()
                .hog(1, "hog")
                .periodic(2, "sleeper", 10_000_000, 200_000_000)
                .build();

        HarnessResult result = new Harness(HarnessConfig.of(1)).run(new FairPolicy(SLICE, 0), load, 10 * SECOND);

        assertThat(result.task(2).orElseThrow().maxWakeWaitNs()).isLessThanOrEqualTo(SLICE);
        assertThat(result.cpuShare(2)).isCloseTo(10.0 / 210, within(0.005));
    }
}
