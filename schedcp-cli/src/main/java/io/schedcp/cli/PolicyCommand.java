package io.schedcp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp policy}: a running scx_userspace's figures, and its strategies changed while it schedules. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = {
            "Read and steer a running scx_userspace, whose decisions a Java policy makes.",
            "status, list, set and remove talk to the scx_userspace that another process runs with",
            "'schedcp run scx_userspace -- --policy strategies', through its agent's socket",
            "(~/.schedcp/userspace.sock, under SCHEDCP_HOME if set; --socket names another).",
            "They start nothing: without a running scx_userspace they exit 4. set and remove change",
            "the strategies, which only the strategies policy follows; under another policy they exit 2.",
            "list-policies needs no running scheduler: it lists the policies --policy can name."
        },
        subcommands = {
            PolicyStatusCommand.class,
            PolicyListCommand.class,
            PolicySetCommand.class,
            PolicyRemoveCommand.class,
            PolicyListPoliciesCommand.class
        },
        footer = PolicyCommand.EXIT_CODES)
final class PolicyCommand {

    /** The exit codes the policy commands can end with, as the top command's help words them. */
    static final String EXIT_CODES = "%nExit codes: 0 ok, 2 usage, a value out of range or a change the running%n"
            + "policy does not follow, 3 no such strategy, 4 scx_userspace is not running, 10 I/O error,%n"
            + "1 internal error (see docs/cli.md).";

    @ParentCommand
    private SchedcpCommand root;

    CliContext context() {
        return root.context();
    }
}
