package io.schedcp.bench;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.userspace.loop.DecisionLoop;
import io.schedcp.userspace.loop.LoopSettings;
import io.schedcp.userspace.loop.LoopStats;
import io.schedcp.userspace.loop.SpinWaiter;
import io.schedcp.userspace.policy.FairPolicy;
import io.schedcp.userspace.ring.InMemoryRings;
import io.schedcp.userspace.ring.RecordHandler;
import io.schedcp.userspace.ring.RingBufferConsumer;
import io.schedcp.userspace.ring.TaskSample;
import io.schedcp.userspace.ring.UserRingBufferProducer;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One decision of scx_userspace's loop, end to end over in-memory rings on one thread: the simulated BPF
 * producer writes a task record, the loop reads it, the built-in fair policy (weighted vruntime) decides, the loop writes the dispatch,
 * and the simulated kernel drain consumes it. Throughput is decisions per second; with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is the bytes allocated per decision, which should be 0.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionLoopBenchmark {

    private static final int TASKS = 1024;
    private static final long SLICE_NS = 5_000_000;

    private final TaskSample[] tasks = new TaskSample[TASKS];
    private final RecordHandler drained = this::onDrained;
    private InMemoryRings rings;
    private DecisionLoop loop;
    private int next;
    private long drainedPids;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < TASKS; i++) {
            tasks[i] = task(i);
        }
        rings = InMemoryRings.create(1 << 16, 1 << 16);
        loop = new DecisionLoop(
                new RingBufferConsumer(rings.queued()),
                new UserRingBufferProducer(rings.dispatched()),
                new FairPolicy(SLICE_NS, Dispatch.DEFAULT_SLICE),
                new SpinWaiter(),
                LoopSettings.defaults());
    }

    /** Tasks of about 200 processes, of mixed weights, some woken and some preempted. */
    private static TaskSample task(int i) {
        long start = 1_000_000_000L + i * 10_000L;
        return new TaskSample(
                10_000 + i,
                10_000 + i / 5,
                i % 2,
                2,
                i % 3 == 0 ? 1 : 0,
                start,
                start + 50_000 + (i % 17) * 1_000L,
                (i % 31) * 100_000L,
                i % 4 == 0 ? 400 : 100,
                i * 1_000L,
                4242 + i % 8,
                i,
                start + 60_000,
                "worker-" + (i % 100));
    }

    @Benchmark
    public int decide() {
        rings.emit(tasks[next++ & (TASKS - 1)]);
        int work = loop.runOnce();
        rings.drain(drained, 1);
        return work;
    }

    private boolean onDrained(ByteBuffer data, int offset, int length) {
        drainedPids += data.getInt(offset);
        return true;
    }

    @TearDown(Level.Trial)
    public void check() {
        LoopStats stats = loop.stats();
        if (stats.tasksRead() != stats.dispatched() || stats.ringFull() != 0 || drainedPids == 0) {
            throw new IllegalStateException("The benchmark lost decisions: " + stats);
        }
    }
}
