package io.schedcp.cli;

import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.mcp.SchedcpMcpServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedcp mcp}: the MCP server on stdin and stdout, until the client closes stdin or SIGINT/SIGTERM
 * arrives; then what it runs is stopped. stdout carries protocol messages only: System.out is stderr while
 * any command runs ({@link Main#execute}), and the log goes to schedcp.log as for every command.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Serve schedcp to an AI assistant as a Model Context Protocol server over stdio.",
            "Tools: list_schedulers, run_scheduler, stop_scheduler, get_execution_status,",
            "create_and_verify_scheduler; each scheduler is also a resource (schedcp://schedulers/PROVIDER/NAME).",
            "Schedulers it starts run in the background until stopped; when the client closes stdin, or on",
            "SIGINT or SIGTERM, the running one is stopped and the kernel confirmed back on its default.",
            "Loading a scheduler needs root. See docs/mcp.md for Claude Desktop and Claude Code."})
final class McpCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Option(names = "--read-only", description = "Offer only the tools that change nothing on the host "
            + "(list_schedulers, get_execution_status) and the resources.")
    private boolean readOnly;

    @Mixin
    private TimeoutOptions timeouts;

    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        Duration start = timeouts.start(context.config().environment());
        Duration stop = timeouts.stop();
        // The protocol owns the real stdout; anything else that prints goes to stderr.
        PrintStream protocol = context.stdout();
        try (SchedcpMcpServer server = SchedcpMcpServer.builder()
                .manager(context.manager(ManagerSettings.DEFAULTS.withStartTimeout(start).withStopStepTimeout(stop)))
                .custom(context.custom())
                .workloads(context.workloads())
                .monitors(Monitors.of(context.config()))
                .readOnly(readOnly)
                .input(System.in)
                .output(protocol)
                .version(SchedcpCommand.Version.number())
                .start();
                InterruptSignals signals = new InterruptSignals(server::shutdown)) {
            server.awaitShutdown();
        }
        return ExitCodes.OK;
    }
}
