package io.schedcp.core.manager;

import io.schedcp.api.ErrorDetail;
import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.StopSignal;
import io.schedcp.core.kernel.StructOpsOwners.Owner;
import io.schedcp.core.process.SignalSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedulers this manager did not start (another schedcp, a user's scx_loader, a systemd unit, a program run
 * by hand): finds the processes that hold the kernel's struct_ops link, and either names them and leaves them
 * alone or, when asked to replace them, ends them with the same SIGINT, SIGTERM, SIGKILL escalation.
 */
final class ForeignSchedulers {

    private static final Logger LOG = LoggerFactory.getLogger(ForeignSchedulers.class);

    private final Supplier<List<Owner>> owners;
    private final SignalSender signals;
    private final Duration stepTimeout;

    ForeignSchedulers(Supplier<List<Owner>> owners, SignalSender signals, Duration stepTimeout) {
        this.owners = owners;
        this.signals = signals;
        this.stepTimeout = stepTimeout;
    }

    /** The programs that hold a struct_ops link now, such as a running scheduler's. */
    List<Owner> owners() {
        return owners.get();
    }

    /**
     * Deals with the scheduler the kernel runs ({@code state}), which this manager did not start, so that
     * {@code next} can start: under {@link ForeignPolicy#REPLACE} stops the programs that hold it, telling
     * {@code events} first; under {@link ForeignPolicy#LEAVE_ALONE} leaves them alone and refuses.
     *
     * @throws ForeignSchedulerRunning under LEAVE_ALONE, naming the programs that hold it
     * @throws SchedcpException        START_FAILED when no program can be found, STOP_FAILED when one
     *                                 outlives SIGKILL
     */
    void clearFor(SchedExtState state, SchedulerDescriptor next, ForeignPolicy policy, Consumer<ManagerEvent> events)
            throws InterruptedException {
        String ops = state.ops().orElse("?");
        List<Owner> found = owners.get();
        if (found.isEmpty()) {
            throw new SchedcpException(
                    Kind.START_FAILED,
                    "cannot start " + next.name() + ": the kernel already "
                            + "runs the sched_ext scheduler '" + ops + "' (state " + state.state()
                            + "), and no program "
                            + "this user can see holds it",
                    new ErrorDetail.ForeignScheduler(next.name(), ops, false));
        }
        if (policy == ForeignPolicy.LEAVE_ALONE) {
            LOG.info("start {}: leaving alone the foreign scheduler {} held by {}", next.qualifiedName(), ops, found);
            throw new ForeignSchedulerRunning(next.name(), ops, found);
        }
        LOG.info("replace: stopping foreign scheduler {} held by {} to start {}", ops, found, next.qualifiedName());
        events.accept(new ManagerEvent.StoppingForeign(ops, found, next.qualifiedName()));
        if (stop(found).isEmpty()) {
            throw new SchedcpException(
                    Kind.STOP_FAILED,
                    "cannot start " + next.name() + ": the programs of the " + "running scheduler '" + ops + "' "
                            + found + " did not end even after SIGKILL");
        }
    }

    /** Ends {@code targets}; returns the signals sent, or empty when one outlived SIGKILL. */
    private Optional<List<StopSignal>> stop(List<Owner> targets) throws InterruptedException {
        List<Long> pids = targets.stream().map(Owner::pid).collect(Collectors.toList());
        List<StopSignal> sent = new ArrayList<>();
        for (StopSignal signal : StopSignal.values()) {
            List<Long> alive = pids.stream().filter(ForeignSchedulers::isAlive).collect(Collectors.toList());
            if (alive.isEmpty()) {
                return Optional.of(sent);
            }
            LOG.info("stop foreign scheduler: sending {} to {}", signal, alive);
            signals.send(signal, alive);
            sent.add(signal);
            awaitExit(alive, stepTimeout);
        }
        return pids.stream().anyMatch(ForeignSchedulers::isAlive) ? Optional.empty() : Optional.of(sent);
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void awaitExit(List<Long> pids, Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] exits = pids.stream()
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .map(ProcessHandle::onExit)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Some are still alive: the caller escalates.
        }
    }
}
