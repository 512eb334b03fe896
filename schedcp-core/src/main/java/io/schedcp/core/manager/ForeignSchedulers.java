package io.schedcp.core.manager;

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
 * Schedulers this manager did not start (another schedcp, or a program run by hand): finds the processes
 * that hold the kernel's struct_ops link and ends them with the same SIGINT, SIGTERM, SIGKILL escalation.
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
     * Stops the programs that hold the scheduler the kernel runs ({@code state}), so that {@code next} can
     * start; tells {@code events} first.
     *
     * @throws SchedcpException START_FAILED when no program can be found, STOP_FAILED when one outlives SIGKILL
     */
    void stopAll(SchedExtState state, SchedulerDescriptor next, Consumer<ManagerEvent> events)
            throws InterruptedException {
        String ops = state.ops().orElse("?");
        List<Owner> found = owners.get();
        if (found.isEmpty()) {
            throw new SchedcpException(Kind.START_FAILED, "cannot start " + next.name() + ": the kernel already "
                    + "runs the sched_ext scheduler '" + ops + "' (state " + state.state() + "), and no program "
                    + "this user can see holds it; stop it where it was started, or run schedcp as root");
        }
        LOG.info("replace: stopping foreign scheduler {} held by {} to start {}", ops, found, next.qualifiedName());
        events.accept(new ManagerEvent.StoppingForeign(ops, found, next.qualifiedName()));
        if (stop(found).isEmpty()) {
            throw new SchedcpException(Kind.STOP_FAILED, "cannot start " + next.name() + ": the programs of the "
                    + "running scheduler '" + ops + "' " + found + " did not end even after SIGKILL");
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
        CompletableFuture<?>[] exits = pids.stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Some are still alive: the caller escalates.
        }
    }
}
