package io.schedcp.cli;

import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.StrategyJson;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp policy list}: the strategies in force, in the order they are tried. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "List the strategies a running scx_userspace holds, in the order they are tried.",
            "The first whose match (a pid, a command-name regex or a cgroup subtree) fits a task",
            "decides whether it runs ahead of the others and with which slice.",
            "It asks the scx_userspace that another process runs, and starts nothing."
        },
        footer = PolicyCommand.EXIT_CODES)
final class PolicyListCommand implements Callable<Integer> {

    @ParentCommand
    private PolicyCommand policy;

    @Mixin
    private PolicySocketOption socket;

    @Option(
            names = "--json",
            description = "Print the strategies as JSON, in the form a strategies file and 'put' take.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = policy.context();
        List<Strategy> strategies = socket.control(context).strategies();
        if (json) {
            context.out().println(StrategyJson.write(strategies));
        } else {
            context.out().print(PolicyText.strategies(strategies));
        }
        return ExitCodes.OK;
    }
}
