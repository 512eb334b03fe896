package io.schedcp.cli;

import io.schedcp.core.workload.WorkloadProfile;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp workload create DESCRIPTION}: stores a new workload profile. */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        description = {
            "Create a workload from a description in your own words.",
            "Say what runs and what matters to it. It is tagged from keywords of the description",
            "(docs/cli.md lists them) and given a short id such as w-1a2b3c4d."
        })
final class WorkloadCreateCommand implements Callable<Integer> {

    @ParentCommand
    private WorkloadCommand workload;

    @Parameters(
            index = "0",
            paramLabel = "DESCRIPTION",
            description = "Such as \"kernel build with make -j32, as fast as possible\" (quote it).")
    private String description;

    @Option(names = "--name", paramLabel = "N", description = "A short name (default: the description's first words).")
    private String name;

    @Option(names = "--json", description = "Print the new workload as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = workload.context();
        return workload.withStore(store -> {
            WorkloadProfile created = store.create(description, Optional.ofNullable(name));
            if (json) {
                context.json(created);
            } else {
                context.out().println("created " + created.id() + ": " + created.name());
                context.out().println("tags: " + WorkloadText.tags(created.tags()));
            }
            return ExitCodes.OK;
        });
    }
}
