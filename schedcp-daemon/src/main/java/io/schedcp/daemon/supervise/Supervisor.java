package io.schedcp.daemon.supervise;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.manager.Execution;
import io.schedcp.core.manager.ForeignPolicy;
import io.schedcp.core.manager.ForeignSchedulerRunning;
import io.schedcp.core.manager.ManagerEvent;
import io.schedcp.core.manager.SchedulerManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's one scheduler: runs it, restarts it with backoff when it ends without being asked, and gives up
 * to the kernel's default scheduler when its restarts are spent. Every start, stop and restart happens on one
 * owner thread, in the order asked; callers get a request number at once and follow it in {@link #status()},
 * a snapshot that never waits on a start. No lock is held across a start.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

    private final SchedulerManager manager;
    private final RestartPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService owner;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong restartsTotal = new AtomicLong();
    private volatile SupervisorStatus status = SupervisorStatus.idle();

    // The owner thread's alone.
    private Desired desired;
    private Execution current;
    private ScheduledFuture<?> pendingRestart;

    /** A run request: what to run, and its number. */
    private record Desired(String name, List<String> args, ForeignPolicy foreign, long request) {}

    /** The answer to a run or stop request: its number, and the status when it was taken. */
    public record Accepted(long request, SupervisorStatus status) {}

    public Supervisor(SchedulerManager manager, RestartPolicy policy) {
        this(manager, policy, Clock.systemUTC());
    }

    Supervisor(SchedulerManager manager, RestartPolicy policy, Clock clock) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = clock;
        this.owner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedcp-owner");
            t.setDaemon(true);
            return t;
        });
        manager.addListener(this::onEvent);
    }

    public SupervisorStatus status() {
        return status;
    }

    public RestartPolicy policy() {
        return policy;
    }

    /** The number of the last run or stop request asked for, taken or not: a later one replaces it. */
    public long lastRequest() {
        return requests.get();
    }

    /** Every restart made since the daemon started, for the metrics; one a run or stop superseded is not. */
    public long restartsTotal() {
        return restartsTotal.get();
    }

    /**
     * Asks for {@code name} with {@code args}, in place of whatever the daemon runs.
     *
     * @param replaceForeign whether a scheduler that another program runs may be stopped for it
     * @throws SchedcpException NOT_FOUND at once, with the closest names, when there is no such scheduler
     */
    public Accepted run(String name, List<String> args, boolean replaceForeign) {
        String qualified = manager.require(name).descriptor().qualifiedName();
        long request = requests.incrementAndGet();
        Desired wanted = new Desired(
                qualified,
                List.copyOf(args),
                replaceForeign ? ForeignPolicy.REPLACE : ForeignPolicy.LEAVE_ALONE,
                request);
        owner.execute(() -> take(wanted));
        return new Accepted(request, status);
    }

    /** Asks for the kernel's default scheduler: the daemon's scheduler is stopped, and not restarted. */
    public Accepted stop() {
        long request = requests.incrementAndGet();
        owner.execute(() -> stopFor(request));
        return new Accepted(request, status);
    }

    private void take(Desired wanted) {
        cancelPendingRestart();
        desired = wanted;
        attempt(wanted, 0, Optional.empty());
    }

    private void attempt(Desired wanted, int restarts, Optional<String> lastFailure) {
        if (!isWanted(wanted)) {
            return;
        }
        publish(Phase.STARTING, wanted, restarts, Optional.empty(), lastFailure, false);
        try {
            Execution execution = manager.start(wanted.name(), wanted.args(), wanted.foreign());
            current = execution;
            publish(Phase.RUNNING, wanted, restarts, Optional.of(execution), lastFailure, true);
            LOG.info("{} runs as {} (restarts {})", wanted.name(), execution.id(), restarts);
        } catch (ForeignSchedulerRunning e) {
            giveUp(wanted, restarts, e.getMessage());
        } catch (SchedcpException e) {
            if (cannotSucceed(e.kind())) {
                giveUp(wanted, restarts, e.getMessage());
            } else {
                ended(wanted, restarts, "its start failed: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("start of {} failed", wanted.name(), e);
            giveUp(wanted, restarts, "its start failed: " + e);
        }
    }

    /** Whether {@code wanted} is still what the daemon should run: no later request replaced it. */
    private boolean isWanted(Desired wanted) {
        return desired != null && desired.request() == wanted.request();
    }

    /** A failure that another try will not mend. */
    private static boolean cannotSucceed(SchedcpException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND, INVALID_INPUT, UNAVAILABLE, NO_SCHED_EXT, PERMISSION -> true;
            case START_FAILED, EJECTED, STOP_FAILED, IO -> false;
        };
    }

    private void onEvent(ManagerEvent event) {
        if (event instanceof ManagerEvent.Ended ended) {
            owner.execute(() -> {
                Desired wanted = desired;
                if (wanted == null
                        || current == null
                        || !current.id().equals(ended.execution().id())) {
                    return;
                }
                current = null;
                ended(wanted, status.restarts(), ended.cause() + ": " + ended.message());
            });
        }
    }

    private void ended(Desired wanted, int restarts, String why) {
        if (!isWanted(wanted)) {
            return;
        }
        if (restarts >= policy.maxRestarts()) {
            giveUp(wanted, restarts, why + " (after " + restarts + " restart(s), the most allowed)");
            return;
        }
        int next = restarts + 1;
        Duration wait = policy.backoff(next);
        LOG.warn(
                "{} ended: {}; restart {} of {} in {} ms",
                wanted.name(),
                why,
                next,
                policy.maxRestarts(),
                wait.toMillis());
        publish(Phase.RESTARTING, wanted, next, Optional.empty(), Optional.of(why), true);
        pendingRestart =
                owner.schedule(() -> restart(wanted, next, Optional.of(why)), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A restart whose backoff is over; counted only now, as a run or stop in the meantime supersedes it. */
    private void restart(Desired wanted, int restarts, Optional<String> lastFailure) {
        pendingRestart = null;
        if (!isWanted(wanted)) {
            return;
        }
        restartsTotal.incrementAndGet();
        attempt(wanted, restarts, lastFailure);
    }

    private void giveUp(Desired wanted, int restarts, String why) {
        String fallback;
        try {
            manager.stopCurrent();
            fallback = "the kernel is on its default scheduler";
        } catch (SchedcpException e) {
            fallback = "and the stop that followed failed too: " + e.getMessage();
        }
        current = null;
        LOG.error("gave up on {}: {}; {}", wanted.name(), why, fallback);
        publish(Phase.GAVE_UP, wanted, restarts, Optional.empty(), Optional.of(why + "; " + fallback), true);
    }

    private void stopFor(long request) {
        cancelPendingRestart();
        Desired wanted = desired;
        desired = null;
        SupervisorStatus before = status;
        status = new SupervisorStatus(
                Phase.STOPPING,
                before.scheduler(),
                before.args(),
                before.executionId(),
                before.restarts(),
                before.runningSince(),
                before.lastFailure(),
                request,
                false);
        Optional<String> failure = before.lastFailure();
        try {
            manager.stopCurrent();
        } catch (SchedcpException e) {
            failure = Optional.of("the stop failed: " + e.getMessage());
        }
        current = null;
        status = new SupervisorStatus(
                manager.current().isPresent() ? Phase.RUNNING : Phase.IDLE,
                wanted == null ? before.scheduler() : Optional.of(wanted.name()),
                before.args(),
                before.executionId(),
                before.restarts(),
                Optional.empty(),
                failure,
                request,
                true);
    }

    private void cancelPendingRestart() {
        if (pendingRestart != null) {
            pendingRestart.cancel(false);
            pendingRestart = null;
        }
    }

    private void publish(
            Phase phase,
            Desired wanted,
            int restarts,
            Optional<Execution> execution,
            Optional<String> lastFailure,
            boolean settled) {
        Optional<String> id = execution.map(Execution::id).or(() -> status.executionId());
        status = new SupervisorStatus(
                phase,
                Optional.of(wanted.name()),
                wanted.args(),
                id,
                restarts,
                execution.map(e -> clock.instant()),
                lastFailure,
                wanted.request(),
                settled);
    }

    /** Stops the owner thread and, with it, the scheduler: the kernel goes back to its default. */
    @Override
    public void close() {
        owner.shutdownNow();
        try {
            if (!owner.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the owner thread did not end within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            manager.stopCurrent();
        } catch (SchedcpException e) {
            LOG.warn("while closing: {}", e.getMessage());
        }
    }
}
