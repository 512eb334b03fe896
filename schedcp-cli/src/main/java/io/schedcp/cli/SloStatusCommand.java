package io.schedcp.cli;

import io.schedcp.slo.stats.SloStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp slo status}: each group's runs, misses, latencies and CPU share, and the latest misses. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show how a running scx_slo keeps its latency budgets.",
            "One row per configured group, and one for the tasks in no configured group:",
            "the budget, the runs and misses since the group got its slot, wake-to-run",
            "latency at p50, p99 and p99.9, how late the misses were, the group's CPU",
            "share, and its dropped events and throttled runs. Then the latest misses,",
            "newest first (at most " + SloText.MISSES_SHOWN + "; --json gives them all).",
            "It asks the scx_slo that another process runs with",
            "'schedcp run scx_slo -- --config FILE', and starts nothing."
        },
        footer = SloCommand.EXIT_CODES)
final class SloStatusCommand implements Callable<Integer> {

    @ParentCommand
    private SloCommand slo;

    @Mixin
    private SloSocketOption socket;

    @Option(names = "--json", description = "Print the status as JSON for scripts instead of the tables.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = slo.context();
        SloStatus status = socket.control(context).status();
        if (json) {
            context.json(status);
        } else {
            context.out().print(SloText.status(status));
        }
        return ExitCodes.OK;
    }
}
