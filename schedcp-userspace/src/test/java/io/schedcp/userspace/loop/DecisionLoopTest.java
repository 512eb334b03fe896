package io.schedcp.userspace.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.userspace.ring.DispatchSample;
import io.schedcp.userspace.ring.InMemoryRings;
import io.schedcp.userspace.ring.RingBufferConsumer;
import io.schedcp.userspace.ring.Samples;
import io.schedcp.userspace.ring.TaskSample;
import io.schedcp.userspace.ring.UserRingBufferProducer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The decision loop over in-memory rings: what goes in as tasks comes out as dispatches, and nothing is lost. */
class DecisionLoopTest {

    private InMemoryRings rings = InMemoryRings.create(4096, 4096);

    @Test
    void everyTaskGetsOneDispatchWithItsPidAndEnqueueCounter() {
        EchoPolicy policy = new EchoPolicy();
        DecisionLoop loop = loop(policy, 64);
        List<TaskSample> tasks = emit(0, 10);

        int work = loop.runOnce();

        assertThat(work).isEqualTo(20);
        assertThat(policy.decided).isEqualTo(10);
        assertThat(rings.drainAll())
                .containsExactlyElementsOf(tasks.stream()
                        .map(task -> new DispatchSample(
                                task.pid(), task.cpu(), task.weight() * 1000, task.vtime(), 0, task.enqueueSeq()))
                        .toList());
        assertThat(loop.stats()).isEqualTo(new LoopStats(10, 10, 0, 0, 0));
    }

    @Test
    void aRoundReadsNoMoreThanItsBatch() {
        DecisionLoop loop = loop(new EchoPolicy(), 4);
        emit(0, 10);

        assertThat(loop.runOnce()).isEqualTo(8);
        assertThat(loop.runOnce()).isEqualTo(8);
        assertThat(loop.runOnce()).isEqualTo(4);
        assertThat(loop.runOnce()).isZero();
        assertThat(rings.drainAll()).extracting(DispatchSample::pid).containsExactlyElementsOf(pids(0, 10));
    }

    @Test
    void whatAKeepingPolicyHandsOutFromNextIsWritten() {
        DecisionLoop loop = loop(new KeepingPolicy(), 64);
        List<TaskSample> tasks = emit(0, 6);

        loop.runOnce();

        assertThat(rings.drainAll())
                .containsExactlyElementsOf(tasks.stream()
                        .map(task -> new DispatchSample(
                                task.pid(), Dispatch.ANY_CPU, 0, 0, Dispatch.FLAG_PRIORITY, task.enqueueSeq()))
                        .toList());
        assertThat(loop.stats()).isEqualTo(new LoopStats(6, 6, 6, 0, 0));
    }

    @Test
    void aFullDispatchedRingLosesNoDecisionAndRepeatsNone() {
        // 256 bytes hold five dispatches: the sixth waits in the pending slot, the rest stay queued.
        rings = InMemoryRings.create(4096, 256);
        DecisionLoop loop = loop(new EchoPolicy(), 64);
        emit(0, 30);
        List<DispatchSample> drained = new ArrayList<>();

        assertThat(loop.runOnce()).isEqualTo(6 + 5);
        assertThat(loop.hasPendingDispatch()).isTrue();
        assertThat(loop.runOnce()).isZero();
        assertThat(loop.stats()).isEqualTo(new LoopStats(6, 5, 0, 1, 0));
        for (int round = 0; round < 20; round++) {
            drained.addAll(rings.drainAll());
            loop.runOnce();
        }
        drained.addAll(rings.drainAll());

        assertThat(drained).extracting(DispatchSample::pid).containsExactlyElementsOf(pids(0, 30));
        assertThat(drained)
                .extracting(DispatchSample::enqueueSeq)
                .containsExactlyElementsOf(IntStream.range(0, 30)
                        .mapToObj(i -> Samples.probeTask(i).enqueueSeq())
                        .toList());
        assertThat(loop.hasPendingDispatch()).isFalse();
        assertThat(loop.stats().dispatched()).isEqualTo(30);
        assertThat(loop.stats().ringFull()).isPositive();
    }

    @Test
    void aKeptTaskHandedOutIntoAFullRingWaitsItsTurnToo() {
        rings = InMemoryRings.create(4096, 256);
        DecisionLoop loop = loop(new KeepingPolicy(), 64);
        emit(0, 12);
        List<DispatchSample> drained = new ArrayList<>();

        for (int round = 0; round < 10; round++) {
            loop.runOnce();
            drained.addAll(rings.drainAll());
        }

        assertThat(drained).extracting(DispatchSample::pid).containsExactlyElementsOf(pids(0, 12));
    }

    @Test
    void aRecordTooShortForATaskIsCountedAndSkipped() {
        DecisionLoop loop = loop(new EchoPolicy(), 64);
        rings.submit(rings.reserve(16).orElseThrow());
        emit(0, 1);

        loop.runOnce();

        assertThat(rings.drainAll()).extracting(DispatchSample::pid).containsExactly(1000);
        assertThat(loop.stats()).isEqualTo(new LoopStats(2, 1, 0, 0, 1));
    }

    @Test
    void runWaitsOnlyAfterARoundThatDidNothing() {
        AtomicInteger waits = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        Waiter counting = timeout -> {
            waits.incrementAndGet();
            return false;
        };
        DecisionLoop loop = new DecisionLoop(
                new RingBufferConsumer(rings.queued()),
                new UserRingBufferProducer(rings.dispatched()),
                new EchoPolicy(),
                counting,
                new LoopSettings(2, 5, 1));
        emit(0, 6);

        loop.run(() -> rounds.incrementAndGet() <= 5);

        // Rounds 1 to 3 read two tasks each; rounds 4 and 5 find none and wait.
        assertThat(waits.get()).isEqualTo(2);
        assertThat(rings.drainAll()).hasSize(6);
    }

    @Test
    void snapshotsTakenWhileTheLoopRunsAreNeverTorn() throws InterruptedException {
        DecisionLoop loop = loop(new EchoPolicy(), 8);
        AtomicInteger torn = new AtomicInteger();
        AtomicInteger stop = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (stop.get() == 0) {
                LoopStats stats = loop.stats();
                if (stats.tasksRead() != stats.dispatched()) {
                    torn.incrementAndGet();
                }
            }
        });
        reader.start();
        for (int round = 0; round < 20_000; round++) {
            rings.emit(Samples.probeTask(round % 100));
            loop.runOnce();
            rings.drain((data, offset, length) -> true, 8);
        }
        stop.set(1);
        reader.join();

        assertThat(torn.get()).isZero();
        assertThat(loop.stats().dispatched()).isEqualTo(20_000);
    }

    private DecisionLoop loop(io.schedcp.api.policy.SchedulingPolicy policy, int batch) {
        return new DecisionLoop(
                new RingBufferConsumer(rings.queued()),
                new UserRingBufferProducer(rings.dispatched()),
                policy,
                new SpinWaiter(),
                new LoopSettings(batch, 1, 1));
    }

    private List<TaskSample> emit(int first, int count) {
        List<TaskSample> tasks = IntStream.range(first, first + count)
                .mapToObj(Samples::probeTask)
                .toList();
        tasks.forEach(task -> assertThat(rings.emit(task)).isTrue());
        return tasks;
    }

    private static List<Integer> pids(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> 1000 + i).toList();
    }
}
