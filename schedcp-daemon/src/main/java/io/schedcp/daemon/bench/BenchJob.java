package io.schedcp.daemon.bench;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.bench.BenchProgress;
import io.schedcp.core.bench.BenchResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bench the daemon runs in the background: its plan, every progress step so far, and, once it has ended, its
 * result or why it failed. Readers take {@link #snapshot()}s, or wait for steps after those they have seen
 * ({@link #awaitSteps}) to stream them.
 */
public final class BenchJob {

    private static final Logger LOG = LoggerFactory.getLogger(BenchJob.class);

    /** Where a job is. */
    public enum State {
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** Stopped before its end: cancelled, or the daemon stopped. */
        CANCELLED;

        public boolean isFinal() {
            return this != RUNNING;
        }
    }

    /** Why a job failed or was cancelled: the library's error kind (or CANCELLED) and the fact. */
    public record Failure(String kind, String message) {}

    /**
     * The job at one moment.
     *
     * @param steps every progress step so far, oldest first
     */
    public record Snapshot(
            String id,
            State state,
            BenchPlan plan,
            Instant startedAt,
            Optional<Instant> endedAt,
            List<BenchProgress> steps,
            Optional<BenchResult> result,
            Optional<Failure> failure) {

        /** The latest step, if there was one. */
        public Optional<BenchProgress> progress() {
            return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
        }
    }

    private final String id;
    private final BenchPlan plan;
    private final Clock clock;
    private final Instant startedAt;
    // Guarded by this; waiters are woken on each change.
    private final List<BenchProgress> steps = new ArrayList<>();
    private State state = State.RUNNING;
    private Optional<Instant> endedAt = Optional.empty();
    private Optional<BenchResult> result = Optional.empty();
    private Optional<Failure> failure = Optional.empty();

    BenchJob(String id, BenchPlan plan, Clock clock) {
        this.id = id;
        this.plan = plan;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public String id() {
        return id;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(id, state, plan, startedAt, endedAt, List.copyOf(steps), result, failure);
    }

    public synchronized boolean isActive() {
        return !state.isFinal();
    }

    /**
     * Waits until there are more than {@code seen} steps, or the job has ended, or {@code timeout} has passed.
     *
     * @return the job then: its steps after the first {@code seen} are the new ones
     */
    public synchronized Snapshot awaitSteps(int seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (steps.size() <= seen && !state.isFinal()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return snapshot();
    }

    /** Runs the bench on the calling thread, to its end: whatever happens, the job ends with a state. */
    void run(BenchExecutor executor) {
        try {
            BenchResult done = executor.run(plan, this::step);
            end(State.SUCCEEDED, Optional.of(done), Optional.empty());
        } catch (InterruptedException e) {
            end(
                    State.CANCELLED,
                    Optional.empty(),
                    Optional.of(new Failure(
                            "CANCELLED",
                            "the bench was stopped before its end, with its command and scheduler (cancelled, or the"
                                    + " daemon stopped); the runs done so far are in the workload's history")));
            Thread.currentThread().interrupt();
        } catch (SchedcpException e) {
            end(State.FAILED, Optional.empty(), Optional.of(new Failure(e.kind().name(), e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("bench job {} failed", id, e);
            end(State.FAILED, Optional.empty(), Optional.of(new Failure("INTERNAL", "the bench failed: " + e)));
        }
    }

    private synchronized void step(BenchProgress progress) {
        steps.add(progress);
        notifyAll();
    }

    private synchronized void end(State how, Optional<BenchResult> done, Optional<Failure> why) {
        state = how;
        result = done;
        failure = why;
        endedAt = Optional.of(clock.instant());
        notifyAll();
        LOG.info(
                "bench job {} {}{}",
                id,
                how.name().toLowerCase(java.util.Locale.ROOT),
                why.map(f -> ": " + f.message()).orElse(""));
    }
}
