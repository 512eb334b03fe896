package io.schedcp.userspace.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.QueuedTask;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.userspace.policy.FairPolicy;
import io.schedcp.userspace.policy.FifoPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessTest {

    private static final long MS = 1_000_000;
    private static final long SECOND = 1_000 * MS;

    @Test
    void aRecordedWorkloadRunsAndEachTaskGetsWhatItsPatternAsksFor() throws Exception {
        Workload workload = RecordedWorkload.read(RecordedWorkloadTest.resource());

        HarnessResult result = new Harness(HarnessConfig.of(2)).run(new FairPolicy(5 * MS, 0), workload, 10 * SECOND);

        // nginx runs 2.5 ms of every 12 ms; gzip never sleeps and has a CPU of its own; cron starts at 1 s.
        assertThat(result.cpuShare(100)).isCloseTo(2.5 / 12, within(0.01));
        assertThat(result.cpuShare(200)).isCloseTo(1.0, within(0.01));
        assertThat(result.task(300).orElseThrow().runs()).isEqualTo(9);
        assertThat(result.task(300).orElseThrow().wakeups()).isEqualTo(9);
        // nginx waits for a CPU only while cron's 1 ms burst and gzip hold both.
        assertThat(result.task(100).orElseThrow().maxWakeWaitNs()).isLessThanOrEqualTo(1 * MS);
    }

    @Test
    void theSameInputGivesTheSameResult() throws Exception {
        Workload workload = Workload.builder()
                .hog(1, "a", 300)
                .hog(2, "b")
                .periodic(3, "c", 3 * MS, 7 * MS)
                .add(TaskSpec.periodic(4, "d", 1 * MS, 2 * MS).startingAt(13 * MS))
                .build();
        Harness harness = new Harness(HarnessConfig.of(2));

        HarnessResult first = harness.run(new FairPolicy(5 * MS, 0), workload, 3 * SECOND);
        HarnessResult second = harness.run(new FairPolicy(5 * MS, 0), workload, 3 * SECOND);

        assertThat(second).isEqualTo(first);
        assertThat(first.tasks()).allSatisfy(t -> assertThat(t.cpuTimeNs()).isPositive());
    }

    @Test
    void theCpuTimeOfTheTasksAndTheIdleTimeAddUpToTheRun() {
        Workload workload = Workload.builder().periodic(1, "p", 2 * MS, 2 * MS).build();

        HarnessResult result = new Harness(HarnessConfig.of(2)).run(new FifoPolicy(), workload, SECOND);

        assertThat(result.cpuShare(1)).isCloseTo(0.5, within(0.001));
        assertThat(result.idleNs() + result.task(1).orElseThrow().cpuTimeNs()).isEqualTo(2 * SECOND);
    }

    @Test
    void aSliceOfItsOwnDecidesHowLongATaskRunsBeforeItIsQueuedAgain() {
        SchedulingPolicy shortSlices = (task, out) -> {
            out.sliceNs(task.pid() == 1 ? 1 * MS : 4 * MS).vtime(0);
            return true;
        };
        Workload hogs = Workload.builder().hog(1, "short").hog(2, "long").build();

        HarnessResult result = new Harness(HarnessConfig.of(1)).run(shortSlices, hogs, SECOND);

        assertThat(result.cpuShare(2) / result.cpuShare(1)).isCloseTo(4.0, within(0.05));
    }

    @Test
    void aTaskTheCpuFifoHoldsRunsBeforeThePriorityQueue() {
        // Task 1 is pinned to CPU 0, task 2 asks for priority: CPU 0 runs task 1 first all the same.
        List<Integer> started = new ArrayList<>();
        SchedulingPolicy policy = (task, out) -> {
            started.add(task.pid());
            if (task.pid() == 1) {
                out.cpu(0);
            } else {
                out.priority(true);
            }
            return true;
        };
        Workload workload = Workload.builder()
                .add(TaskSpec.periodic(2, "prio", 1 * MS, SECOND))
                .add(TaskSpec.periodic(1, "pinned", 1 * MS, SECOND))
                .build();

        HarnessResult result = new Harness(HarnessConfig.of(1)).run(policy, workload, 3 * MS);

        assertThat(started).containsExactly(2, 1);
        assertThat(result.task(1).orElseThrow().maxWakeWaitNs()).isZero();
        assertThat(result.task(2).orElseThrow().maxWakeWaitNs()).isEqualTo(1 * MS);
    }

    @Test
    void aDispatchToACpuThatIsNotThereGoesToTheSharedQueue() {
        SchedulingPolicy policy = (task, out) -> {
            out.cpu(7);
            return true;
        };

        HarnessResult result = new Harness(HarnessConfig.of(2))
                .run(policy, Workload.builder().hog(1, "a").build(), SECOND);

        assertThat(result.cpuShare(1)).isCloseTo(1.0, within(0.001));
    }

    @Test
    void theGuardDemotesAPriorityHogOnceItHasRunTheBudgetAndCountsEachDemotion() {
        SchedulingPolicy allPriority = (task, out) -> {
            out.priority(true);
            return true;
        };

        HarnessResult result = new Harness(HarnessConfig.of(1))
                .run(allPriority, Workload.builder().hog(1, "hog").build(), 100 * MS);

        // Four 5 ms slices with priority make the 20 ms budget; the 16 dispatches after it are demoted.
        assertThat(result.demoted()).isEqualTo(16);
        assertThat(result.task(1).orElseThrow().demotions()).isEqualTo(16);
    }

    @Test
    void aSleepGivesAPriorityTaskItsPriorityBack() {
        SchedulingPolicy allPriority = (task, out) -> {
            out.priority(true);
            return true;
        };
        // Runs 30 ms, sleeps 10 ms: the dispatch after 20 ms of its burst is demoted, the one after a sleep not.
        Workload workload =
                Workload.builder().periodic(1, "bursty", 30 * MS, 10 * MS).build();

        HarnessResult result = new Harness(HarnessConfig.of(1)).run(allPriority, workload, 80 * MS);

        assertThat(result.demoted()).isEqualTo(4);
    }

    @Test
    void aPolicyThatKeepsTasksHandsThemOutFromNext() {
        SchedulingPolicy keeper = new SchedulingPolicy() {
            private final ArrayDeque<long[]> kept = new ArrayDeque<>();

            @Override
            public boolean decide(QueuedTask task, Dispatch out) {
                kept.add(new long[] {task.pid(), task.enqueueSeq()});
                return false;
            }

            @Override
            public boolean next(Dispatch out) {
                long[] task = kept.poll();
                if (task == null) {
                    return false;
                }
                out.reset((int) task[0], task[1]);
                return true;
            }
        };

        HarnessResult result = new Harness(HarnessConfig.of(1))
                .run(keeper, Workload.builder().hog(1, "a").hog(2, "b").build(), SECOND);

        assertThat(result.kept()).isEqualTo(result.decisions());
        assertThat(result.dispatched()).isEqualTo(result.decisions());
        assertThat(result.cpuShare(1)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void aTaskWithoutADecisionWaitsAndAStaleDispatchIsCancelled() {
        SchedulingPolicy stale = (task, out) -> {
            if (task.pid() == 2) {
                out.reset(2, task.enqueueSeq() + 1);
            }
            return task.pid() != 3;
        };
        Workload workload = Workload.builder()
                .hog(1, "ok")
                .hog(2, "stale")
                .hog(3, "undecided")
                .build();

        HarnessResult result = new Harness(HarnessConfig.of(2)).run(stale, workload, SECOND);

        assertThat(result.cpuShare(1)).isCloseTo(1.0, within(0.001));
        assertThat(result.cpuShare(2)).isZero();
        assertThat(result.cpuShare(3)).isZero();
        assertThat(result.cancelled()).isEqualTo(1);
        assertThat(result.kept()).isEqualTo(1);
        assertThat(result.task(3).orElseThrow().maxWakeWaitNs()).isEqualTo(SECOND);
    }
}
