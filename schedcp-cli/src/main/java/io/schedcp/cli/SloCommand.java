package io.schedcp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp slo}: a running scx_slo's figures, and its groups changed while it schedules. */
@Command(
        name = "slo",
        mixinStandardHelpOptions = true,
        description = {
            "Read and tune a running scx_slo, the scheduler with per-cgroup latency budgets.",
            "These commands talk to the scx_slo that another process runs with",
            "'schedcp run scx_slo -- --config FILE', through its agent's socket",
            "(~/.schedcp/slo.sock, under SCHEDCP_HOME if set; --socket names another).",
            "They start nothing: without a running scx_slo they exit 4."
        },
        subcommands = {SloStatusCommand.class, SloSetCommand.class},
        footer = SloCommand.EXIT_CODES)
final class SloCommand {

    /** The exit codes the slo commands can end with, as the top command's help words them. */
    static final String EXIT_CODES = "%nExit codes: 0 ok, 2 usage or a value out of range, 4 scx_slo is not running,%n"
            + "10 I/O error, 1 internal error (see docs/cli.md).";

    @ParentCommand
    private SchedcpCommand root;

    CliContext context() {
        return root.context();
    }
}
