package io.schedcp.core.manager;

import io.schedcp.api.ExitInfo;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.SchedulerHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** One start of one scheduler, from the start request until it has ended and the kernel let it go. */
public final class Execution {

    private final String id;
    private final SchedulerDescriptor scheduler;
    private final List<String> args;
    private final SchedulerHandle handle;
    private final Clock clock;
    private final Instant startedAt;
    private final AtomicReference<ExecutionState> state = new AtomicReference<>(ExecutionState.STARTING);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Instant endedAt;
    private volatile String endMessage;

    Execution(String id, SchedulerDescriptor scheduler, List<String> args, SchedulerHandle handle, Clock clock) {
        this.id = id;
        this.scheduler = scheduler;
        this.args = List.copyOf(args);
        this.handle = handle;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public String id() {
        return id;
    }

    public SchedulerDescriptor scheduler() {
        return scheduler;
    }

    public List<String> args() {
        return args;
    }

    public SchedulerHandle handle() {
        return handle;
    }

    public ExecutionState state() {
        return state.get();
    }

    public Optional<String> endMessage() {
        return Optional.ofNullable(endMessage);
    }

    public Optional<ExitInfo> exitInfo() {
        return handle.exitInfo();
    }

    /** Waits until the execution has reached a final state; returns whether it did in time. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public ExecutionStatus status() {
        Instant end = endedAt == null ? clock.instant() : endedAt;
        return new ExecutionStatus(
                id,
                scheduler.qualifiedName(),
                args,
                handle.pid(),
                state.get(),
                startedAt,
                Duration.between(startedAt, end),
                handle.outputTail(),
                handle.exitInfo(),
                endMessage());
    }

    boolean transition(ExecutionState from, ExecutionState to) {
        return state.compareAndSet(from, to);
    }

    /** Moves to a final state from whatever non-final state it is in; false if it had already ended. */
    boolean finish(ExecutionState to, String message) {
        ExecutionState current;
        do {
            current = state.get();
            if (current.isFinal()) {
                return false;
            }
        } while (!state.compareAndSet(current, to));
        markEnded(message);
        return true;
    }

    /** Moves to a final state only from {@code expected}; false if another thread moved it first. */
    boolean finishFrom(ExecutionState expected, ExecutionState to, String message) {
        if (!state.compareAndSet(expected, to)) {
            return false;
        }
        markEnded(message);
        return true;
    }

    private void markEnded(String message) {
        endMessage = message;
        endedAt = clock.instant();
    }

    /** Releases {@link #awaitEnd} waiters; called after listeners were told, so waiters see the event too. */
    void announceEnd() {
        ended.countDown();
    }

    @Override
    public String toString() {
        return "Execution[" + id + ", " + scheduler.qualifiedName() + ", " + state.get() + "]";
    }
}
