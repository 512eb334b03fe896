package io.schedcp.cli;

import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.core.workload.WorkloadProfile;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp workload history ID}: the runs recorded for a workload, oldest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Show the runs recorded for a workload, oldest first.",
            "Each run gives the scheduler, times, outcome, result and metrics."
        })
final class WorkloadHistoryCommand implements Callable<Integer> {

    @ParentCommand
    private WorkloadCommand workload;

    @Parameters(index = "0", paramLabel = "ID", description = "The workload's id, such as w-1a2b3c4d.")
    private String id;

    @Option(names = "--json", description = "Print JSON for scripts, monitor summaries included.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = workload.context();
        return workload.withStore(store -> {
            WorkloadProfile profile = store.require(id);
            List<HistoryEntry> history = store.history(profile.id());
            if (json) {
                context.json(history);
            } else if (history.isEmpty()) {
                context.out()
                        .println("No runs recorded for " + profile.id() + " (" + profile.name()
                                + "); record one with: schedcp workload add-history " + profile.id()
                                + " --scheduler NAME --result TEXT");
            } else {
                history.forEach(entry -> context.out().print(WorkloadText.entry(entry)));
            }
            return ExitCodes.OK;
        });
    }
}
