package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp policy remove ID}: one strategy taken out while scx_userspace runs. */
@Command(
        name = "remove",
        mixinStandardHelpOptions = true,
        description = {
            "Remove one strategy from a running scx_userspace.",
            "The tasks it matched are scheduled by the next strategy that matches them, or fairly, from the policy's next decision.",
            "Example: schedcp policy remove web"
        },
        footer = PolicyCommand.EXIT_CODES)
final class PolicyRemoveCommand implements Callable<Integer> {

    @ParentCommand
    private PolicyCommand policy;

    @Mixin
    private PolicySocketOption socket;

    @Parameters(index = "0", paramLabel = "ID", description = "The strategy's id, as 'schedcp policy list' shows it.")
    private String id;

    @Override
    public Integer call() {
        CliContext context = policy.context();
        if (!socket.control(context).remove(id)) {
            throw new SchedcpException(
                    Kind.NOT_FOUND,
                    "scx_userspace holds no strategy " + id + "; run 'schedcp policy list' to see the ids");
        }
        context.out().println("removed strategy " + id);
        return ExitCodes.OK;
    }
}
