package io.schedcp.cli;

import io.schedcp.bpf.custom.CustomName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp remove NAME}: deletes a custom scheduler. */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = {
            "Remove a custom scheduler: its source, object and metadata in ~/.schedcp/custom/NAME.",
            "A copy of it that is running keeps running until stopped."
        })
final class RemoveCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Parameters(index = "0", paramLabel = "NAME", description = "The custom scheduler (NAME or custom:NAME).")
    private String name;

    @Override
    public Integer call() {
        CliContext context = root.context();
        String plain = CustomName.parse(name);
        context.custom().schedulers().remove(plain);
        ForegroundRun.say(context, "removed " + CustomName.qualified(plain));
        return ExitCodes.OK;
    }
}
