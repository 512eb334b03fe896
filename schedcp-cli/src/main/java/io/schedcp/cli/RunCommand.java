package io.schedcp.cli;

import io.schedcp.core.manager.ForeignPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedcp run NAME [-- ARGS...]}: runs a scheduler in the foreground, streams its output, confirms
 * the kernel state, and on Ctrl-C (or SIGTERM) stops it and confirms the kernel is back on its default.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a scheduler in the foreground until Ctrl-C, streaming its output.",
            "Whatever this schedcp runs is stopped first; a scheduler another program runs is left alone (exit 7)",
            "unless --replace-foreign is given. The start counts only once the kernel reports the",
            "scheduler enabled; Ctrl-C stops it (SIGINT, then SIGTERM, then SIGKILL) and waits for the kernel",
            "to go back to its default scheduler. Pass the scheduler's own flags after '--'."
        })
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "A scheduler name, or provider:name.")
    private String name;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "The scheduler's own flags (after '--').")
    private List<String> args = new ArrayList<>();

    @Mixin
    private TimeoutOptions timeouts;

    @Option(
            names = "--replace-foreign",
            description = "Stop a sched_ext scheduler that another program runs (scx_loader, a systemd unit, another "
                    + "schedcp) instead of leaving it alone and failing.")
    private boolean replaceForeign;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        return ForegroundRun.run(
                context,
                name,
                args,
                timeouts.start(context.config()),
                timeouts.stop(),
                replaceForeign ? ForeignPolicy.REPLACE : ForeignPolicy.LEAVE_ALONE);
    }
}
