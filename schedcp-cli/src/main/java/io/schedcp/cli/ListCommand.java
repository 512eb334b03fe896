package io.schedcp.cli;

import io.schedcp.api.Availability;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.manager.SchedulerEntry;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp list}: every known scheduler, whether it can run here, and what it is. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the known schedulers of every provider, with whether each can run on this host.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only schedulers whose name contains TEXT.")
    private String name;

    @Option(names = "--production", description = "Only schedulers marked production-ready.")
    private boolean production;

    @Option(names = "--available", description = "Only schedulers that can start on this host now.")
    private boolean available;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    private boolean json;

    /** One row of {@code --json}. */
    record Row(
            String name,
            String qualifiedName,
            String provider,
            boolean productionReady,
            boolean available,
            String unavailableReason,
            String description,
            List<String> useCases) {}

    @Override
    public Integer call() {
        CliContext context = root.context();
        List<SchedulerEntry> entries = context.manager().list().stream()
                .filter(e -> name == null
                        || e.descriptor()
                                .qualifiedName()
                                .toLowerCase(Locale.ROOT)
                                .contains(name.toLowerCase(Locale.ROOT)))
                .filter(e -> !production || e.descriptor().productionReady())
                .filter(e -> !available || e.availability().isAvailable())
                .collect(Collectors.toList());
        if (json) {
            context.json(entries.stream().map(ListCommand::row).collect(Collectors.toList()));
            return ExitCodes.OK;
        }
        if (entries.isEmpty()) {
            context.out().println("No scheduler matches.");
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("NAME", "PROVIDER", "PRODUCTION", "AVAILABLE", "SUMMARY");
        for (SchedulerEntry e : entries) {
            table.add(
                    e.reachableName(),
                    e.descriptor().provider(),
                    e.descriptor().productionReady() ? "yes" : "no",
                    e.availability().isAvailable() ? "yes" : "no",
                    TextTable.summary(e.descriptor().description(), 70));
        }
        context.out().print(table.render());
        long unavailable =
                entries.stream().filter(e -> !e.availability().isAvailable()).count();
        if (!context.manager().kernelSupported()) {
            context.out().println();
            context.out().println("None can run here: " + SchedExtReader.NO_SCHED_EXT_MESSAGE + ".");
        } else if (unavailable > 0) {
            context.out().println();
            context.out()
                    .println(unavailable + " of " + entries.size() + " cannot run here; 'schedcp show NAME' says why.");
        }
        return ExitCodes.OK;
    }

    private static Row row(SchedulerEntry e) {
        String reason = e.availability() instanceof Availability.Unavailable u ? CliAdvice.reason(u) : null;
        return new Row(
                e.reachableName(),
                e.descriptor().qualifiedName(),
                e.descriptor().provider(),
                e.descriptor().productionReady(),
                e.availability().isAvailable(),
                reason,
                e.descriptor().description(),
                e.descriptor().useCases());
    }
}
