package io.schedcp.core.manager;

import io.schedcp.api.Availability;
import io.schedcp.api.ErrorDetail.RootRefused;
import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.ExitInfo;
import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import io.schedcp.api.spi.StopSignal;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.kernel.StructOpsOwners;
import io.schedcp.core.process.SignalSender;
import io.schedcp.core.provider.ProviderRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs schedulers from every provider under one set of rules: the kernel runs one sched_ext scheduler at
 * a time, so a start first stops what this manager runs; every start is confirmed by the kernel reporting
 * the scheduler enabled in {@code state} and {@code root/ops}; every stop escalates SIGINT, SIGTERM, SIGKILL
 * and is confirmed by {@code state} going back to {@code disabled}; a scheduler that the kernel ejects, or
 * whose program dies, is noticed and reported. Every action is logged.
 */
public final class SchedulerManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerManager.class);
    /** How many execution ids an unknown one is answered with. */
    private static final int IDS_LISTED = 5;

    private final ProviderRegistry registry;
    private final SchedExtReader kernel;
    private final ManagerSettings settings;
    private final Clock clock;
    private final KernelWaits waits;
    private final HandleStopper stopper;
    private final ForeignSchedulers foreign;
    private final SchedulerDirectory directory;
    private final ExecutionWatcher watcher;
    private final Object lock = new Object();
    private final List<Consumer<ManagerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutionHistory executions = new ExecutionHistory();
    private final ScheduledExecutorService watchThread;
    private volatile Execution current;

    @SuppressWarnings("FutureReturnValueIgnored") // watch() catches and logs its own failures
    SchedulerManager(
            ProviderRegistry registry,
            SchedExtReader kernel,
            ForeignSchedulers foreign,
            ManagerSettings settings,
            Clock clock) {
        this.registry = registry;
        this.foreign = foreign;
        this.kernel = kernel;
        this.settings = settings;
        this.clock = clock;
        this.waits = new KernelWaits(kernel, settings.pollInterval());
        this.stopper = new HandleStopper(settings.stopStepTimeout());
        this.directory = new SchedulerDirectory(registry, kernel);
        this.watcher = new ExecutionWatcher(kernel, stopper, settings.stopStepTimeout(), this::ended);
        this.watchThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "schedcp-watch");
            t.setDaemon(true);
            return t;
        });
        long period = settings.pollInterval().toMillis() * 2;
        watchThread.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
    }

    public static SchedulerManagerBuilder builder() {
        return new SchedulerManagerBuilder();
    }

    public void addListener(Consumer<ManagerEvent> listener) {
        listeners.add(listener);
    }

    /** Problems met while finding providers: broken plugins, providers that threw. */
    public List<String> problems() {
        return registry.problems().messages();
    }

    public SchedExtState kernelState() {
        return kernel.read();
    }

    /** The programs holding the running sched_ext scheduler (its struct_ops link), whoever started them. */
    public List<StructOpsOwners.Owner> schedulerPrograms() {
        return foreign.owners();
    }

    public boolean kernelSupported() {
        return kernel.isSupported();
    }

    /** Every scheduler of every provider, with its availability on this host. */
    public List<SchedulerEntry> list() {
        return directory.list();
    }

    public Optional<SchedulerEntry> find(String name) {
        return directory.find(name);
    }

    /** The scheduler {@code name} stands for; a name that matches none fails with the closest names. */
    public SchedulerEntry require(String name) {
        return directory.require(name);
    }

    public Optional<Execution> current() {
        Execution execution = current;
        return execution == null || execution.state().isFinal() ? Optional.empty() : Optional.of(execution);
    }

    public Optional<Execution> execution(String id) {
        return executions.get(id);
    }

    /**
     * The execution {@code id}.
     *
     * @throws SchedcpException NOT_FOUND, naming the newest ids this manager knows
     */
    public Execution requireExecution(String id) {
        return execution(id).orElseThrow(() -> {
            List<String> all = executions().stream().map(Execution::id).collect(Collectors.toList());
            List<String> newest = all.subList(Math.max(0, all.size() - IDS_LISTED), all.size());
            List<String> known = new ArrayList<>(newest);
            Collections.reverse(known);
            return new SchedcpException(
                    Kind.NOT_FOUND,
                    "no execution has the id '" + id + "'"
                            + (known.isEmpty()
                                    ? "; this schedcp has started no scheduler"
                                    : "; the newest are " + String.join(", ", known)),
                    new UnknownName(Subject.EXECUTION, id, known));
        });
    }

    /** The executions this manager remembers, oldest first. */
    public List<Execution> executions() {
        return executions.all();
    }

    /**
     * Starts {@code name} and returns once the kernel reports it enabled. A scheduler this manager runs is
     * stopped first; one that another program holds is left alone ({@link ForeignPolicy#LEAVE_ALONE}).
     *
     * @throws SchedcpException NOT_FOUND, NO_SCHED_EXT, UNAVAILABLE, PERMISSION or START_FAILED, with the
     *                          scheduler's own output where it printed any; {@link ForeignSchedulerRunning}
     *                          when another program's scheduler runs
     */
    public Execution start(String name, List<String> args) {
        return start(name, args, ForeignPolicy.LEAVE_ALONE);
    }

    /**
     * As {@link #start(String, List)}; {@code foreignPolicy} says whether a scheduler that another program holds is
     * left alone (the start fails) or stopped first.
     */
    public Execution start(String name, List<String> args, ForeignPolicy foreignPolicy) {
        SchedulerEntry entry = require(name);
        SchedulerDescriptor descriptor = entry.descriptor();
        synchronized (lock) {
            if (!kernel.isSupported()) {
                throw new SchedcpException(
                        Kind.NO_SCHED_EXT, "cannot start " + name + ": " + SchedExtReader.NO_SCHED_EXT_MESSAGE);
            }
            if (entry.availability() instanceof Availability.Unavailable unavailable) {
                throw unavailable.refusal("cannot start " + name + ": " + unavailable.reason());
            }
            Execution previous = current;
            if (previous != null && !previous.state().isFinal()) {
                LOG.info(
                        "replace: stopping {} ({}) to start {}",
                        previous.scheduler().qualifiedName(),
                        previous.id(),
                        descriptor.qualifiedName());
                emit(new ManagerEvent.Replacing(previous, descriptor.qualifiedName()));
                stopLocked(previous);
            }
            requireIdleKernel(descriptor, foreignPolicy);
            Execution execution = launch(descriptor, args);
            SchedExtState confirmed = confirmStart(execution);
            execution.transition(ExecutionState.STARTING, ExecutionState.RUNNING);
            current = execution;
            LOG.info(
                    "started {} as {} (pid {}); kernel state {}, ops {}",
                    descriptor.qualifiedName(),
                    execution.id(),
                    execution.handle().pid().isPresent()
                            ? execution.handle().pid().getAsLong()
                            : "none",
                    confirmed.state(),
                    confirmed.ops().orElse("?"));
            emit(new ManagerEvent.Started(execution, confirmed));
            return execution;
        }
    }

    /**
     * Waits for the kernel to have no sched_ext scheduler. One that this manager did not start is named and
     * left alone, or under {@link ForeignPolicy#REPLACE} stopped through the programs that hold its struct_ops
     * link; when none can be found it is named and left alone.
     */
    private SchedExtState requireIdleKernel(SchedulerDescriptor next, ForeignPolicy foreignPolicy) {
        try {
            Optional<SchedExtState> idle =
                    waits.await(SchedExtState::isDisabled, settings.stopStepTimeout(), () -> false);
            if (idle.isPresent()) {
                return idle.get();
            }
            SchedExtState running = kernel.read();
            String ops = running.ops().orElse("?");
            foreign.clearFor(running, next, foreignPolicy, this::emit);
            return waits.await(SchedExtState::isDisabled, settings.stopStepTimeout(), () -> false)
                    .orElseThrow(() -> new SchedcpException(
                            Kind.STOP_FAILED,
                            "cannot start " + next.name()
                                    + ": the programs of '" + ops
                                    + "' ended but the kernel did not go back to its default "
                                    + "scheduler within "
                                    + settings.stopStepTimeout().toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedcpException(Kind.START_FAILED, "interrupted while waiting to start " + next.name(), e);
        }
    }

    private Execution launch(SchedulerDescriptor descriptor, List<String> args) {
        SchedulerProvider provider = registry.provider(descriptor.provider())
                .orElseThrow(() -> new SchedcpException(
                        Kind.NOT_FOUND,
                        "provider " + descriptor.provider() + " of " + descriptor.name() + " is not loaded"));
        LOG.info("start {} args {}", descriptor.qualifiedName(), args);
        SchedulerHandle handle;
        try {
            handle = provider.start(new StartRequest(descriptor, args));
        } catch (SchedcpException e) {
            LOG.warn("start {} failed: {}", descriptor.qualifiedName(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("provider {} failed to start {}", provider.id(), descriptor.name(), e);
            throw new SchedcpException(
                    Kind.START_FAILED,
                    "provider " + provider.id() + " failed to start " + descriptor.name() + ": " + e,
                    e);
        }
        String id = descriptor.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Execution execution = new Execution(id, descriptor, args, handle, clock);
        executions.add(execution);
        emit(new ManagerEvent.Launched(execution));
        return execution;
    }

    private SchedExtState confirmStart(Execution execution) {
        SchedulerDescriptor descriptor = execution.scheduler();
        SchedulerHandle handle = execution.handle();
        Optional<SchedExtState> confirmed;
        try {
            confirmed = waits.await(
                    s -> s.isEnabled() && descriptor.matchesKernelOps(s.ops().orElse(null)),
                    settings.startTimeout(),
                    () -> !handle.isAlive());
            if (confirmed.isEmpty() && !handle.isAlive()) {
                // The program may have ended just after enabling: give the kernel one more look.
                confirmed = waits.await(
                        s -> s.isEnabled()
                                && descriptor.matchesKernelOps(s.ops().orElse(null)),
                        Duration.ZERO,
                        () -> true);
            }
        } catch (InterruptedException e) {
            throw interrupted(execution);
        }
        if (confirmed.isPresent() && handle.isAlive()) {
            return confirmed.get();
        }
        if (!handle.isAlive()) {
            ExitInfo exit = ExecutionWatcher.exitInfo(handle, settings.stopStepTimeout());
            String message = descriptor.name() + " " + exit.summary() + " before the kernel reported it enabled"
                    + OutputBlock.of(exit.lastOutput());
            end(execution, ExecutionState.FAILED, message, null);
            LOG.warn("start {} failed: {}", execution.id(), message);
            Optional<RootRefused.Why> refusal = SudoRefusal.of(exit.lastOutput());
            if (refusal.isPresent()) {
                throw new SchedcpException(
                        Kind.PERMISSION,
                        "cannot start " + descriptor.name() + ": " + SudoRefusal.fact(refusal.get())
                                + OutputBlock.of(exit.lastOutput()),
                        new RootRefused(refusal.get()));
            }
            throw new SchedcpException(Kind.START_FAILED, message);
        }
        SchedExtState now = kernel.read();
        String message = "the kernel did not report " + descriptor.name() + " enabled within "
                + settings.startTimeout().toSeconds() + " s (state " + now.state() + ", ops "
                + now.ops().orElse("none") + ", expected ops '" + descriptor.opsName() + "')";
        List<String> output = abandon(execution, message);
        throw new SchedcpException(Kind.START_FAILED, message + OutputBlock.of(output));
    }

    /**
     * A start interrupted while the kernel's confirmation was awaited (Ctrl-C, a server shutting down): its
     * program is stopped as any stop is (a second interrupt cuts that short with SIGKILL), and the kernel's state
     * is looked at again. The thread's interrupt status is set again on return.
     */
    private SchedcpException interrupted(Execution execution) {
        String name = execution.scheduler().name();
        String message;
        try {
            HandleStopper.Outcome outcome = stopper.stop(execution.id(), execution.handle());
            Optional<SchedExtState> released =
                    waits.await(SchedExtState::isDisabled, settings.stopStepTimeout(), () -> false);
            SchedExtState now = released.orElseGet(kernel::read);
            String via = signalsSent(outcome);
            message = "the start of " + name + " was interrupted before the kernel reported it enabled; its program "
                    + (outcome.exit().isPresent() ? "was stopped (" + via + ")" : "did not end even after SIGKILL")
                    + (released.isPresent()
                            ? " and the kernel is on its default scheduler (sched_ext " + now.state() + ")"
                            : " but the kernel still reports sched_ext " + now.state() + ", ops "
                                    + now.ops().orElse("none"));
        } catch (InterruptedException again) {
            execution.handle().signal(StopSignal.KILL);
            SchedExtState now = kernel.read();
            message = "the start of " + name + " was interrupted twice before the kernel reported it enabled; its "
                    + "program was sent SIGKILL, and the kernel reports sched_ext " + now.state();
        }
        end(execution, ExecutionState.FAILED, message, null);
        LOG.warn("start {} interrupted: {}", execution.id(), message);
        Thread.currentThread().interrupt();
        return new SchedcpException(Kind.START_FAILED, message);
    }

    /** Stops a start that will not be confirmed; returns the program's last output. */
    private List<String> abandon(Execution execution, String message) {
        try {
            stopper.stop(execution.id(), execution.handle());
        } catch (InterruptedException e) {
            execution.handle().signal(StopSignal.KILL);
            Thread.currentThread().interrupt();
        }
        end(execution, ExecutionState.FAILED, message, null);
        LOG.warn("start {} failed: {}", execution.id(), message);
        return execution.handle().outputTail();
    }

    /** Stops the scheduler this manager runs, if any. */
    public Optional<StopResult> stopCurrent() {
        synchronized (lock) {
            Execution execution = current;
            if (execution == null || execution.state().isFinal()) {
                return Optional.empty();
            }
            return Optional.of(stopLocked(execution));
        }
    }

    /**
     * Stops an execution and waits for the kernel to be back on its default scheduler.
     *
     * @throws SchedcpException NOT_FOUND for an unknown id, STOP_FAILED when the program outlives SIGKILL
     *                          or the kernel keeps the scheduler
     */
    public StopResult stop(String executionId) {
        Execution execution = requireExecution(executionId);
        synchronized (lock) {
            return stopLocked(execution);
        }
    }

    private StopResult stopLocked(Execution execution) {
        String name = execution.scheduler().name();
        if (execution.state().isFinal()) {
            return new StopResult(
                    List.of(),
                    execution.exitInfo(),
                    kernel.read(),
                    name + " had already ended: "
                            + execution.endMessage().orElse(execution.state().toString()));
        }
        execution.transition(ExecutionState.RUNNING, ExecutionState.STOPPING);
        execution.transition(ExecutionState.STARTING, ExecutionState.STOPPING);
        LOG.info("stop {} ({})", execution.scheduler().qualifiedName(), execution.id());
        try {
            HandleStopper.Outcome outcome = stopper.stop(execution.id(), execution.handle());
            if (outcome.exit().isEmpty()) {
                String message = name + " did not end even after SIGKILL (" + execution.handle() + ")";
                end(execution, ExecutionState.FAILED, message, null);
                throw new SchedcpException(Kind.STOP_FAILED, message);
            }
            Optional<SchedExtState> released =
                    waits.await(SchedExtState::isDisabled, settings.stopStepTimeout(), () -> false);
            if (released.isEmpty()) {
                SchedExtState now = kernel.read();
                String message = name + " ended but the kernel did not go back to its default scheduler within "
                        + settings.stopStepTimeout().toSeconds() + " s (state " + now.state() + ", ops "
                        + now.ops().orElse("none") + ")";
                end(execution, ExecutionState.FAILED, message, null);
                throw new SchedcpException(Kind.STOP_FAILED, message);
            }
            String via = signalsSent(outcome);
            String summary = "stopped " + name + " (" + via + "; "
                    + outcome.exit().get().summary() + "); the kernel is back on its default scheduler (sched_ext "
                    + released.get().state() + ")";
            StopResult result = new StopResult(outcome.signals(), outcome.exit(), released.get(), summary);
            LOG.info("stopped {}: {}", execution.id(), summary);
            end(execution, ExecutionState.STOPPED, summary, new ManagerEvent.Stopped(execution, result));
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            execution.handle().signal(StopSignal.KILL);
            end(execution, ExecutionState.FAILED, "stop interrupted; sent SIGKILL", null);
            throw new SchedcpException(Kind.STOP_FAILED, "interrupted while stopping " + name + "; sent SIGKILL", e);
        } finally {
            if (current == execution) {
                current = null;
            }
        }
    }

    /** Hands the running execution, if any, to the watcher. */
    private void watch() {
        Execution execution = current;
        if (execution == null || execution.state() != ExecutionState.RUNNING) {
            return;
        }
        try {
            watcher.check(execution);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("watching {} failed; will look again", execution.id(), e);
        }
    }

    private void ended(Execution execution, ExecutionState cause, String message) {
        if (execution.finishFrom(ExecutionState.RUNNING, cause, message)) {
            LOG.warn("{} {}: {}", cause == ExecutionState.EJECTED ? "eject" : "exit", execution.id(), message);
            if (current == execution) {
                current = null;
            }
            emit(new ManagerEvent.Ended(execution, cause, message));
            execution.announceEnd();
        }
    }

    /** Ends an execution, tells the listeners (when there is an event), then releases its waiters. */
    private void end(Execution execution, ExecutionState state, String message, ManagerEvent event) {
        if (execution.finish(state, message) && event != null) {
            emit(event);
        }
        execution.announceEnd();
    }

    private void emit(ManagerEvent event) {
        for (Consumer<ManagerEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a manager listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    /** Stops the running scheduler, if any, and the watcher. */
    @Override
    public void close() {
        try {
            stopCurrent();
        } catch (SchedcpException e) {
            LOG.warn("while closing: {}", e.getMessage());
        } finally {
            watchThread.shutdownNow();
        }
    }

    /** How a program was stopped, for a message: the signals sent, or that it had ended by itself. */
    private static String signalsSent(HandleStopper.Outcome outcome) {
        return outcome.signals().isEmpty()
                ? "it had already ended"
                : "sent "
                        + outcome.signals().stream()
                                .map(s -> "SIG" + SignalSender.signalName(s))
                                .collect(Collectors.joining(", "));
    }
}
