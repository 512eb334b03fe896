package io.schedcp.cli;

import io.schedcp.api.SchedExtState;
import io.schedcp.core.manager.Execution;
import io.schedcp.core.manager.ManagerEvent;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.manager.StopResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedcp run NAME [-- ARGS...]}: runs a scheduler in the foreground, streams its output, confirms
 * the kernel state, and on Ctrl-C (or SIGTERM) stops it and confirms the kernel is back on its default.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scheduler in the foreground until Ctrl-C, streaming its output.",
            "Whatever this schedcp runs is stopped first. The start counts only once the kernel reports the",
            "scheduler enabled; Ctrl-C stops it (SIGINT, then SIGTERM, then SIGKILL) and waits for the kernel",
            "to go back to its default scheduler. Pass the scheduler's own flags after '--'."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "A scheduler name, or provider:name.")
    private String name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The scheduler's own flags (after '--').")
    private List<String> args = new ArrayList<>();

    @Option(names = "--start-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "How long the kernel may take to enable it (default ${DEFAULT-VALUE}).")
    private int startTimeout;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long each stop signal may take before the next (default ${DEFAULT-VALUE}).")
    private int stopTimeout;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        if (startTimeout < 1 || stopTimeout < 1) {
            context.err().println("schedcp: --start-timeout and --stop-timeout take a whole number of seconds, 1 or more");
            return ExitCodes.USAGE;
        }
        SchedulerManager manager = context.manager(ManagerSettings.DEFAULTS
                .withStartTimeout(Duration.ofSeconds(startTimeout))
                .withStopStepTimeout(Duration.ofSeconds(stopTimeout)));
        CountDownLatch finish = new CountDownLatch(1);
        AtomicReference<ManagerEvent.Ended> ended = new AtomicReference<>();
        manager.addListener(event -> {
            if (event instanceof ManagerEvent.Replacing replacing) {
                say(context, "stopping " + replacing.execution().scheduler().name() + " first: the kernel runs one "
                        + "sched_ext scheduler at a time");
            } else if (event instanceof ManagerEvent.StoppingForeign foreign) {
                say(context, "stopping the running scheduler '" + foreign.ops() + "' first ("
                        + foreign.owners().stream().map(o -> o.command() + " pid " + o.pid())
                                .collect(java.util.stream.Collectors.joining(", "))
                        + "): the kernel runs one sched_ext scheduler at a time");
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
        String wanted = manager.require(name).descriptor().qualifiedName();
        say(context, "starting " + wanted + (args.isEmpty() ? "" : " " + String.join(" ", args)));
        try (InterruptSignals signals = new InterruptSignals(finish::countDown)) {
            Execution execution = manager.start(name, args);
            SchedExtState kernel = manager.kernelState();
            say(context, execution.scheduler().name() + " is running: sched_ext " + kernel.state() + ", ops "
                    + kernel.ops().orElse("?") + " (execution " + execution.id() + ", pid "
                    + (execution.handle().pid().isPresent() ? execution.handle().pid().getAsLong() : "none")
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

    private static void say(CliContext context, String message) {
        context.out().flush();
        context.err().println("schedcp: " + message);
        context.err().flush();
    }
}
