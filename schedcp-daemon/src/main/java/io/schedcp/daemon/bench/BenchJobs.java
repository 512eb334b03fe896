package io.schedcp.daemon.bench;

import io.schedcp.core.bench.BenchPlan;
import io.schedcp.daemon.http.ApiError;
import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.Supervisor;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's benches: one at a time, each on its own thread, and never beside the daemon's scheduler.
 *
 * <p>A bench starts and stops schedulers of its own through the manager, and the kernel runs one at a time, so
 * it and the {@link Supervisor} must take turns: a bench starts only while the supervisor has nothing to run
 * (idle, or given up, with every run and stop request settled), and while a bench runs the execution's run and
 * stop requests are refused. Both checks and the supervisor's requests, which only queue work for its owner
 * thread, happen under this object's lock; no scheduler starts under it, since the bench runs on its own thread.
 */
public final class BenchJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BenchJobs.class);
    /** Finished jobs kept to be read back; the oldest go first. */
    static final int KEPT = 16;

    private final BenchExecutor executor;
    private final Supervisor supervisor;
    private final Clock clock;
    private final ExecutorService thread;
    private final AtomicLong numbers = new AtomicLong();
    // Guarded by this.
    private final Map<String, BenchJob> jobs = new LinkedHashMap<>();
    private Optional<BenchJob> running = Optional.empty();
    private Optional<Future<?>> runningTask = Optional.empty();
    private long lastSupervisorRequest;

    public BenchJobs(BenchExecutor executor, Supervisor supervisor) {
        this(executor, supervisor, Clock.systemUTC());
    }

    BenchJobs(BenchExecutor executor, Supervisor supervisor, Clock clock) {
        this.executor = executor;
        this.supervisor = supervisor;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "schedcp-bench");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code plan} in the background.
     *
     * @throws ApiError 409 CONFLICT while another bench runs, or while the daemon's scheduler runs or is asked for
     */
    public synchronized BenchJob start(BenchPlan plan) {
        Optional<BenchJob> busy = active();
        if (busy.isPresent()) {
            throw new ApiError(
                    409,
                    "CONFLICT",
                    "bench job " + busy.get().id() + " runs, and the daemon runs one bench at a time; follow it at"
                            + " GET /api/v1/bench/" + busy.get().id() + " and start this one when it has ended");
        }
        SupervisorStatus status = supervisor.status();
        if (!supervisorIdle(status)) {
            throw new ApiError(
                    409,
                    "CONFLICT",
                    "the daemon's scheduler "
                            + status.scheduler().map(s -> s + " ").orElse("") + "is "
                            + status.phase().name().toLowerCase(java.util.Locale.ROOT)
                            + (status.settled() && status.request() >= lastSupervisorRequest
                                    ? ""
                                    : " (a request is pending)")
                            + ", and a bench runs schedulers of its own; stop it with DELETE /api/v1/execution, wait"
                            + " until GET /api/v1/execution shows it idle, and start the bench again");
        }
        BenchJob job = new BenchJob("b-" + numbers.incrementAndGet(), plan, clock);
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        running = Optional.of(job);
        runningTask = Optional.of(thread.submit(() -> job.run(executor)));
        LOG.info("bench job {} started: {} under {}", job.id(), plan.command(), plan.schedulers());
        return job;
    }

    /**
     * Stops job {@code id} if it runs: its command is killed and its scheduler stopped, and it ends as cancelled.
     *
     * @return the job, which may still be ending
     * @throws ApiError 409 CONFLICT when it has ended already
     */
    public synchronized BenchJob cancel(BenchJob job) {
        if (!job.isActive() || running.filter(r -> r == job).isEmpty()) {
            throw new ApiError(
                    409,
                    "CONFLICT",
                    "bench job " + job.id() + " has ended ("
                            + job.snapshot().state().name().toLowerCase(java.util.Locale.ROOT)
                            + "), so there is nothing to cancel");
        }
        runningTask.ifPresent(task -> task.cancel(true));
        LOG.info("bench job {} cancelled", job.id());
        return job;
    }

    public synchronized Optional<BenchJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * Makes a run or stop request of the supervisor, unless a bench runs.
     *
     * @param what the request in words, for the refusal
     * @throws ApiError 409 CONFLICT while a bench runs
     */
    public synchronized Supervisor.Accepted whileNoBench(String what, Supplier<Supervisor.Accepted> request) {
        Optional<BenchJob> busy = active();
        if (busy.isPresent()) {
            throw new ApiError(
                    409,
                    "CONFLICT",
                    "bench job " + busy.get().id() + " runs schedulers of its own, so the daemon cannot " + what
                            + " now; follow it at GET /api/v1/bench/"
                            + busy.get().id() + " and ask again when it has"
                            + " ended");
        }
        Supervisor.Accepted accepted = request.get();
        lastSupervisorRequest = Math.max(lastSupervisorRequest, accepted.request());
        return accepted;
    }

    private Optional<BenchJob> active() {
        return running.filter(BenchJob::isActive);
    }

    /** Nothing to run, and nothing asked of it that it has not done yet. */
    private boolean supervisorIdle(SupervisorStatus status) {
        return status.settled()
                && status.request() >= lastSupervisorRequest
                && (status.phase() == Phase.IDLE || status.phase() == Phase.GAVE_UP);
    }

    /** Interrupts a running bench and waits for it to end; the supervisor's close then stops its scheduler. */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the bench did not end within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
