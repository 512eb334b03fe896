package io.schedcp.cli;

import io.schedcp.userspace.control.PolicyStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp policy status}: the running policy, BPF's counters, the round trip and the loop's counters. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show how a running scx_userspace is doing.",
            "The policy it runs, the counters BPF keeps (tasks queued to Java, dispatched as Java decided, dispatched by BPF's fallback, ...),",
            "the enqueue-to-dispatch round trip at p50, p99 and p99.9 in microseconds, and what the",
            "agent's decision loop has read and dispatched.",
            "It asks the scx_userspace that another process runs with 'schedcp run scx_userspace',",
            "and starts nothing."
        },
        footer = PolicyCommand.EXIT_CODES)
final class PolicyStatusCommand implements Callable<Integer> {

    @ParentCommand
    private PolicyCommand policy;

    @Mixin
    private PolicySocketOption socket;

    @Option(names = "--json", description = "Print the status as JSON for scripts instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = policy.context();
        PolicyStatus status = socket.control(context).status();
        if (json) {
            context.json(status);
        } else {
            context.out().print(PolicyText.status(status));
        }
        return ExitCodes.OK;
    }
}
