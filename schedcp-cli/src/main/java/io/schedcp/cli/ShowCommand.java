package io.schedcp.cli;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.core.manager.SchedulerEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp show NAME}: the whole descriptor of one scheduler. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show everything known about one scheduler: what it does, its tuning flags, what it needs.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "A scheduler name, or provider:name.")
    private String name;

    @Option(names = "--json", description = "Print JSON for scripts.")
    private boolean json;

    /** The shape of {@code --json}. */
    record Shown(SchedulerDescriptor scheduler, boolean available, String unavailableReason) {}

    @Override
    public Integer call() {
        CliContext context = root.context();
        SchedulerEntry entry = context.manager().require(name);
        String reason = entry.availability() instanceof Availability.Unavailable u ? CliAdvice.reason(u) : null;
        if (json) {
            context.json(new Shown(entry.descriptor(), entry.availability().isAvailable(), reason));
        } else {
            context.out().print(DescriptorText.render(entry.descriptor(), reason));
        }
        return ExitCodes.OK;
    }
}
