package io.schedcp.userspace.agent;

import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.userspace.loop.DecisionLoop;
import io.schedcp.userspace.loop.EpollWaiter;
import io.schedcp.userspace.loop.LoopSettings;
import io.schedcp.userspace.loop.LoopStats;
import io.schedcp.userspace.ring.RingBufferConsumer;
import io.schedcp.userspace.ring.RingMaps;
import io.schedcp.userspace.ring.UserRingBufferProducer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The decision loop on a thread of its own, over the loaded scheduler's two rings: started before the scheduler
 * is attached, so that the first task BPF queues finds it waiting in epoll. The rings' memory is unmapped only
 * after the thread has ended.
 */
final class AgentLoop {

    private static final long JOIN_SECONDS = 5;

    private final RingMaps rings;
    private final EpollWaiter waiter;
    private final SchedulingPolicy policy;
    private final DecisionLoop loop;
    private final Thread thread;
    private final CompletableFuture<Integer> tid = new CompletableFuture<>();
    private volatile boolean running = true;

    private AgentLoop(RingMaps rings, EpollWaiter waiter, SchedulingPolicy policy) {
        this.rings = rings;
        this.waiter = waiter;
        this.policy = policy;
        this.loop = new DecisionLoop(
                new RingBufferConsumer(rings.queued()),
                new UserRingBufferProducer(rings.dispatched()),
                policy,
                waiter,
                LoopSettings.defaults());
        this.thread = new Thread(
                () -> {
                    tid.complete(ThreadIds.current());
                    loop.run(() -> running);
                },
                "schedcp-userspace-decisions");
        thread.setDaemon(true);
    }

    /** Maps the rings of {@code loaded} and starts deciding with {@code policy}. */
    static AgentLoop start(BpfObject loaded, SchedulingPolicy policy) {
        RingMaps rings =
                RingMaps.open(loaded.map(UserspaceLayout.QUEUED_RING), loaded.map(UserspaceLayout.DISPATCHED_RING));
        AgentLoop agent = new AgentLoop(rings, EpollWaiter.on(rings.queuedFd()), policy);
        agent.thread.start();
        return agent;
    }

    /** The kernel's id of the loop's thread, which BPF runs ahead of every other task. */
    int threadId() {
        try {
            return tid.get(JOIN_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the decision loop's thread did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the decision loop started", e);
        }
    }

    LoopStats stats() {
        return loop.stats();
    }

    String describe() {
        LoopStats s = loop.stats();
        return "loop: read=" + s.tasksRead() + " dispatched=" + s.dispatched() + " kept=" + s.kept() + " ring_full="
                + s.ringFull() + " malformed=" + s.malformed();
    }

    /** Ends the loop, then closes the policy and unmaps the rings; stopping twice does nothing. */
    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(JOIN_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            // Unmapping under a running loop would crash the JVM; the process is ending anyway.
            UserspaceMain.say("the decision loop did not end within " + JOIN_SECONDS + " s; the rings stay mapped");
            return;
        }
        policy.close();
        waiter.close();
        rings.close();
    }
}
