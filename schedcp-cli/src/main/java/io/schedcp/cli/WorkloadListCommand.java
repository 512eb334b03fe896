package io.schedcp.cli;

import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.core.workload.WorkloadProfile;
import io.schedcp.core.workload.WorkloadTag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp workload list}: every workload with its tags and how many runs it has. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the workloads, oldest first.")
final class WorkloadListCommand implements Callable<Integer> {

    @ParentCommand
    private WorkloadCommand workload;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    private boolean json;

    /** One row of {@code --json}. */
    record Row(String id, String name, String description, Set<WorkloadTag> tags, Instant createdAt, int runs) {}

    @Override
    public Integer call() {
        CliContext context = workload.context();
        return workload.withStore(store -> {
            Map<String, List<HistoryEntry>> histories = store.histories();
            List<Row> rows = store.list().stream()
                    .map(w -> row(w, histories.getOrDefault(w.id(), List.of()).size()))
                    .toList();
            if (json) {
                context.json(rows);
            } else if (rows.isEmpty()) {
                context.out().println("No workloads yet; create one with: schedcp workload create \"DESCRIPTION\"");
            } else {
                TextTable table = new TextTable("ID", "RUNS", "CREATED", "TAGS", "NAME");
                rows.forEach(r -> table.add(
                        r.id(),
                        Integer.toString(r.runs()),
                        r.createdAt().toString(),
                        WorkloadText.tags(r.tags()),
                        r.name()));
                context.out().print(table.render());
            }
            return ExitCodes.OK;
        });
    }

    private static Row row(WorkloadProfile w, int runs) {
        return new Row(w.id(), w.name(), w.description(), w.tags(), w.createdAt(), runs);
    }
}
