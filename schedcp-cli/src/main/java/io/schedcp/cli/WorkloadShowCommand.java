package io.schedcp.cli;

import io.schedcp.core.workload.SimilarWorkload;
import io.schedcp.core.workload.WorkloadProfile;
import io.schedcp.core.workload.WorkloadTag;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp workload show ID}: one workload, how many runs it has, and the workloads like it. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Show a workload, its runs, and the workloads like it.",
            "It gives the description and tags, the number of runs, and the workloads that share tags with it."
        })
final class WorkloadShowCommand implements Callable<Integer> {

    @ParentCommand
    private WorkloadCommand workload;

    @Parameters(index = "0", paramLabel = "ID", description = "The workload's id, such as w-1a2b3c4d.")
    private String id;

    @Option(names = "--json", description = "Print JSON for scripts.")
    private boolean json;

    /** A workload like this one, in {@code --json}. */
    record Similar(String id, String name, Set<WorkloadTag> sharedTags, double similarity) {}

    /** The shape of {@code --json}. */
    record Shown(WorkloadProfile workload, int runs, List<Similar> similar) {}

    @Override
    public Integer call() {
        CliContext context = workload.context();
        return workload.withStore(store -> {
            WorkloadProfile profile = store.require(id);
            int runs = store.history(profile.id()).size();
            List<SimilarWorkload> similar = store.similar(profile);
            if (json) {
                context.json(new Shown(
                        profile,
                        runs,
                        similar.stream()
                                .map(s -> new Similar(
                                        s.workload().id(), s.workload().name(), s.sharedTags(), s.similarity()))
                                .toList()));
                return ExitCodes.OK;
            }
            context.out().println("id:          " + profile.id());
            context.out().println("name:        " + profile.name());
            context.out().println("description: " + profile.description());
            context.out().println("tags:        " + WorkloadText.tags(profile.tags()));
            context.out().println("created:     " + profile.createdAt());
            context.out()
                    .println("runs:        " + runs
                            + (runs == 0 ? "" : " (schedcp workload history " + profile.id() + ")"));
            if (!similar.isEmpty()) {
                context.out().println("similar:");
                similar.forEach(s -> context.out()
                        .println("  " + s.workload().id() + "  " + s.workload().name() + "  (shares "
                                + WorkloadText.tags(s.sharedTags()) + ")"));
            }
            return ExitCodes.OK;
        });
    }
}
