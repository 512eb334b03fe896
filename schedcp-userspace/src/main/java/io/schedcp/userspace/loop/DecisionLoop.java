package io.schedcp.userspace.loop;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.userspace.ring.RecordHandler;
import io.schedcp.userspace.ring.RingBufferConsumer;
import io.schedcp.userspace.ring.TaskRecord;
import io.schedcp.userspace.ring.TaskRecordView;
import io.schedcp.userspace.ring.UserRingBufferProducer;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * The hot path of scx_userspace, on one thread: each round reads a batch of queued tasks, has the policy decide
 * each one through a reused view and a reused {@link Dispatch}, writes the decisions to the dispatched ring,
 * then hands out the tasks the policy kept until it has no more. Nothing per task allocates or calls native
 * code.
 *
 * <p>A decision that finds the dispatched ring full is not lost: it waits in a preallocated slot, the round
 * stops reading tasks (they stay queued in the kernel's ring), and the next round writes it first.
 */
public final class DecisionLoop {

    private final RingBufferConsumer queued;
    private final UserRingBufferProducer dispatched;
    private final SchedulingPolicy policy;
    private final Waiter waiter;
    private final LoopSettings settings;
    private final TaskRecordView view = new TaskRecordView();
    private final LoopCounters counters = new LoopCounters();
    // Bound once: a method reference made in runOnce could allocate each round.
    private final RecordHandler onTask = this::onTask;
    private Dispatch decision = new Dispatch();
    private Dispatch pending = new Dispatch();
    private boolean hasPending;

    public DecisionLoop(
            RingBufferConsumer queued,
            UserRingBufferProducer dispatched,
            SchedulingPolicy policy,
            Waiter waiter,
            LoopSettings settings) {
        this.queued = queued;
        this.dispatched = dispatched;
        this.policy = policy;
        this.waiter = waiter;
        this.settings = settings;
    }

    /**
     * One round, on the loop's thread: the pending dispatch first, then up to a batch of tasks, then the policy's kept tasks.
     *
     * @return the work done: tasks read plus dispatches written; 0 when there was nothing to do (or nothing
     *     could be done because the dispatched ring is full)
     */
    public int runOnce() {
        long before = counters.tasksRead + counters.dispatched;
        long fullBefore = counters.ringFull;
        if (!hasPending || writePending()) {
            queued.poll(onTask, settings.batch());
            while (!hasPending && policy.next(decision)) {
                writeDecision();
            }
        }
        int work = (int) (counters.tasksRead + counters.dispatched - before);
        if (work > 0 || counters.ringFull != fullBefore) {
            counters.publish();
        }
        return work;
    }

    /**
     * Runs rounds while {@code running} says so, waiting only after a round that did nothing: for tasks, or
     * briefly when a dispatch waits for room.
     */
    public void run(BooleanSupplier running) {
        while (running.getAsBoolean()) {
            if (runOnce() == 0) {
                waiter.await(hasPending ? settings.retryMillis() : settings.idleTimeoutMillis());
            }
        }
    }

    /** Whether a decision waits for room in the dispatched ring; on the loop's thread. */
    public boolean hasPendingDispatch() {
        return hasPending;
    }

    /** The counters as of the last round that changed them; safe from any thread. */
    public LoopStats stats() {
        return counters.snapshot();
    }

    private boolean onTask(ByteBuffer data, int offset, int length) {
        counters.tasksRead++;
        if (length < TaskRecord.SIZE) {
            counters.malformed++;
            return true;
        }
        view.at(data, offset);
        decision.reset(view);
        if (!policy.decide(view, decision)) {
            counters.kept++;
            return true;
        }
        return writeDecision();
    }

    /** Writes the decision, or parks it in the pending slot when the ring is full; false then. */
    private boolean writeDecision() {
        if (dispatched.tryWrite(decision)) {
            counters.dispatched++;
            return true;
        }
        counters.ringFull++;
        // Swap the two preallocated instances: the parked decision keeps every field, nothing is copied.
        Dispatch parked = decision;
        decision = pending;
        pending = parked;
        hasPending = true;
        return false;
    }

    /** Retries the parked decision; a retry that fails again is the same full event, not counted twice. */
    private boolean writePending() {
        if (!dispatched.tryWrite(pending)) {
            return false;
        }
        counters.dispatched++;
        hasPending = false;
        return true;
    }
}
