package io.schedcp.cli;

import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import io.schedcp.core.manager.Execution;
import io.schedcp.core.manager.ForeignPolicy;
import io.schedcp.core.manager.ManagerEvent;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.manager.StopResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A scheduler run in the foreground until Ctrl-C or SIGTERM: its output streamed, the kernel's confirmation
 * reported, and on the way out the kernel confirmed back on its default scheduler. A signal that comes while
 * the providers load or the start is confirmed stops that at once. Shared by {@code run} and
 * {@code create-and-run}.
 */
final class ForegroundRun {

    private ForegroundRun() {}

    @SuppressWarnings("try") // the signal handlers are held for the scope of the try block only
    static int run(
            CliContext context,
            String name,
            List<String> args,
            Duration startTimeout,
            Duration stopTimeout,
            ForeignPolicy foreignPolicy)
            throws InterruptedException {
        CountDownLatch finish = new CountDownLatch(1);
        AtomicReference<ManagerEvent.Ended> ended = new AtomicReference<>();
        AtomicReference<String> signalled = new AtomicReference<>();
        StartInterruption starting = new StartInterruption(Thread.currentThread());
        try (InterruptSignals signals = new InterruptSignals(signal -> {
            signalled.compareAndSet(null, signal);
            finish.countDown();
            starting.interrupt();
        })) {
            SchedulerManager manager;
            Execution execution;
            try {
                manager = starting.awayFromSignals(() -> context.manager(
                        ManagerSettings.DEFAULTS.withStartTimeout(startTimeout).withStopStepTimeout(stopTimeout)));
                follow(context, manager, finish, ended);
                String wanted = manager.require(name).descriptor().qualifiedName();
                say(context, "starting " + wanted + (args.isEmpty() ? "" : " " + String.join(" ", args)));
                execution = starting.run(() -> manager.start(name, args, foreignPolicy));
            } catch (InterruptedException e) {
                say(context, "SIG" + signalled.get() + ": stopped before " + name + " was started; nothing runs");
                return ExitCodes.START_FAILED;
            } catch (SchedcpException e) {
                if (signalled.get() != null) {
                    say(context, "SIG" + signalled.get() + ": " + e.getMessage());
                    return ExitCodes.START_FAILED;
                }
                throw e;
            }
            SchedExtState kernel = manager.kernelState();
            say(
                    context,
                    execution.scheduler().name() + " is running: sched_ext " + kernel.state() + ", ops "
                            + kernel.ops().orElse("?") + " (execution " + execution.id() + ", pid "
                            + (execution.handle().pid().isPresent()
                                    ? execution.handle().pid().getAsLong()
                                    : "none")
                            + "). Press Ctrl-C to stop it.");
            finish.await();
            if (ended.get() != null) {
                say(context, ended.get().message());
                return ExitCodes.EJECTED;
            }
            say(context, "stopping " + execution.scheduler().name() + " ...");
            StopResult result = manager.stop(execution.id());
            say(context, result.summary());
            return ExitCodes.OK;
        }
    }

    /** Says what the manager does on the way, streams the scheduler's output, and counts down on its end. */
    private static void follow(
            CliContext context,
            SchedulerManager manager,
            CountDownLatch finish,
            AtomicReference<ManagerEvent.Ended> ended) {
        manager.addListener(event -> {
            if (event instanceof ManagerEvent.Replacing replacing) {
                say(
                        context,
                        "stopping " + replacing.execution().scheduler().name() + " first: the kernel runs one "
                                + "sched_ext scheduler at a time");
            } else if (event instanceof ManagerEvent.StoppingForeign foreign) {
                say(
                        context,
                        "stopping the running scheduler '" + foreign.ops() + "' first ("
                                + foreign.owners().stream()
                                        .map(o -> o.command() + " pid " + o.pid())
                                        .collect(Collectors.joining(", "))
                                + ", --replace-foreign): the kernel runs one sched_ext scheduler at a time");
            } else if (event instanceof ManagerEvent.Launched launched) {
                launched.execution().handle().onOutput(line -> {
                    context.out().println(line);
                    context.out().flush();
                });
            } else if (event instanceof ManagerEvent.Ended end) {
                ended.set(end);
                finish.countDown();
            }
        });
    }

    static void say(CliContext context, String message) {
        context.out().flush();
        context.err().println("schedcp: " + message);
        context.err().flush();
    }
}
