package io.schedcp.cli;

import io.schedcp.core.workload.WorkloadStore;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp workload}: workload profiles and the history of the schedulers run under them. */
@Command(
        name = "workload",
        mixinStandardHelpOptions = true,
        description = {
            "Describe the workloads you run, and record how schedulers did under them.",
            "A workload is a description in your own words, tagged from its keywords",
            "(build, server, interactive, latency-sensitive...), with a short id such as",
            "w-1a2b3c4d. Its history holds each run of a scheduler under it: arguments,",
            "times, outcome, result and metrics. Both live in ~/.schedcp/workloads.json."
        },
        subcommands = {
            WorkloadCreateCommand.class,
            WorkloadListCommand.class,
            WorkloadShowCommand.class,
            WorkloadHistoryCommand.class,
            WorkloadAddHistoryCommand.class
        })
final class WorkloadCommand {

    @ParentCommand
    private SchedcpCommand root;

    CliContext context() {
        return root.context();
    }

    /** Runs {@code work} on the store, then prints on stderr what the store found wrong with its file. */
    int withStore(ToIntFunction<WorkloadStore> work) {
        WorkloadStore store = context().workloads();
        try {
            return work.applyAsInt(store);
        } finally {
            context().warn(store.problems());
        }
    }
}
