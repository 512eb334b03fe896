package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.TaskMatch;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp policy set ID}: one strategy added or replaced while scx_userspace runs. */
@Command(
        name = "set",
        mixinStandardHelpOptions = true,
        description = {
            "Add a strategy to a running scx_userspace, or replace the one with this id.",
            "It stands where the old one stood, or last. It matches tasks by exactly one of --pid, --comm and --cgroup; --priority runs",
            "them ahead of the others (BPF demotes one that runs too long without sleeping) and",
            "--slice-us gives them a slice of their own. The policy follows it from its next decision.",
            "Only the strategies policy follows strategies: under another this exits 2.",
            "Example: schedcp policy set web --comm '^nginx' --priority --slice-us 2000"
        },
        footer = PolicyCommand.EXIT_CODES)
final class PolicySetCommand implements Callable<Integer> {

    /** Exactly one way to match tasks. */
    static final class Match {
        @Option(names = "--pid", paramLabel = "N", description = "The thread whose kernel pid is N.")
        Integer pid;

        @Option(
                names = "--comm",
                paramLabel = "REGEX",
                description = "The tasks whose command name (comm, at most 15 characters) REGEX finds.")
        String comm;

        @Option(
                names = "--cgroup",
                paramLabel = "PATH",
                description = "The tasks in the cgroup PATH or below it (absolute, or relative to /sys/fs/cgroup).")
        String cgroup;
    }

    @ParentCommand
    private PolicyCommand policy;

    @Mixin
    private PolicySocketOption socket;

    @Parameters(index = "0", paramLabel = "ID", description = "The strategy's id, a name of your choice.")
    private String id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Match match;

    @Option(names = "--priority", description = "Run the matched tasks ahead of the others.")
    private boolean priority;

    @Option(
            names = "--slice-us",
            paramLabel = "N",
            description = "The matched tasks' slice in microseconds (" + Strategy.MIN_SLICE_NS / 1000 + " to "
                    + Strategy.MAX_SLICE_NS / 1000 + "); the policy's slice without it.")
    private Long sliceUs;

    @Override
    public Integer call() {
        CliContext context = policy.context();
        Strategy strategy = strategy();
        long generation = socket.control(context).put(strategy);
        context.out()
                .println("strategy " + id + " set (" + PolicyText.match(strategy.match())
                        + (priority ? ", priority" : "")
                        + (sliceUs == null ? "" : ", slice " + sliceUs + " us") + "); the book is at generation "
                        + generation);
        return ExitCodes.OK;
    }

    /** The strategy the options describe, checked before anything is connected. */
    private Strategy strategy() {
        try {
            TaskMatch taskMatch = match.pid != null
                    ? new TaskMatch.ByPid(match.pid)
                    : match.comm != null ? TaskMatch.ByComm.of(match.comm) : TaskMatch.ByCgroup.of(match.cgroup);
            OptionalLong sliceNs =
                    sliceUs == null ? OptionalLong.empty() : OptionalLong.of(Math.multiplyExact(sliceUs, 1000L));
            return new Strategy(id, taskMatch, priority, sliceNs);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "the strategy " + id + " is not valid: " + e.getMessage() + "; see 'schedcp policy set --help'");
        }
    }
}
