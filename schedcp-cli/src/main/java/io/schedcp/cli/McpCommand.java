package io.schedcp.cli;

import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.mcp.SchedcpMcpServer;
import io.schedcp.mcp.ToolCatalog;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code schedcp mcp}: the MCP server on stdin and stdout, until the client closes stdin or SIGINT/SIGTERM
 * arrives; then what it runs is stopped. stdout carries protocol messages only: System.out is stderr while
 * any command runs ({@link Main#execute}), and the log goes to schedcp.log as for every command.
 */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = "Serve schedcp to an AI assistant as a Model Context Protocol server over stdio.")
final class McpCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    static final String READ_ONLY = "--read-only";
    /** Within picocli's default usage width of 80 columns, so that it keeps these lines as they are. */
    private static final int HELP_WIDTH = 78;

    @Option(
            names = READ_ONLY,
            description = "Offer only the tools that change nothing on the host, and the " + "resources.")
    private boolean readOnly;

    @Mixin
    private TimeoutOptions timeouts;

    /** Writes the tool lists of the help from the server's own list of tools, so that they cannot drift. */
    static void describe(CommandSpec spec) {
        List<String> lines = new ArrayList<>();
        lines.add("Serve schedcp to an AI assistant as a Model Context Protocol server over stdio.");
        lines.add("");
        lines.add("Tools (read-only: changes nothing on the host, offered by --read-only too):");
        for (ToolCatalog.Entry tool : ToolCatalog.entries()) {
            lines.add("  " + tool.name() + (tool.changesHost() ? "" : " (read-only)"));
            lines.addAll(wrap(tool.summary(), "      ", HELP_WIDTH));
        }
        lines.add("");
        lines.addAll(wrap(
                "Each scheduler is also a resource (schedcp://schedulers/PROVIDER/NAME). Schedulers it "
                        + "starts run in the background until stopped; when the client closes stdin, or on SIGINT or "
                        + "SIGTERM, the running one is stopped and the kernel confirmed back on its default. When a "
                        + "schedcp daemon runs, run_scheduler and stop_scheduler ask it instead, and what it runs "
                        + "outlives the server. Loading a scheduler needs root. See docs/mcp.md for Claude Desktop and "
                        + "Claude Code.",
                "",
                HELP_WIDTH));
        spec.usageMessage().description(lines.toArray(String[]::new));
        OptionSpec readOnly = spec.findOption(READ_ONLY);
        spec.remove(readOnly);
        spec.addOption(OptionSpec.builder(readOnly)
                .description("Offer only the tools that change nothing on the " + "host ("
                        + String.join(", ", ToolCatalog.names(true)) + ") and the resources.")
                .build());
    }

    /** {@code text} in lines of at most {@code width} characters, each starting with {@code indent}. */
    static List<String> wrap(String text, String indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    @SuppressWarnings("try") // the signal handlers are held for the scope of the try block only
    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        Duration start = timeouts.start(context.config());
        Duration stop = timeouts.stop();
        // The protocol owns the real stdout; anything else that prints goes to stderr.
        PrintStream protocol = context.stdout();
        try (SchedcpMcpServer server = SchedcpMcpServer.builder()
                        .manager(context.manager(
                                ManagerSettings.DEFAULTS.withStartTimeout(start).withStopStepTimeout(stop)))
                        .custom(context.custom())
                        .workloads(context.workloads())
                        .monitors(Monitors.of(context.config()))
                        .slo(context.slo(Optional.empty()))
                        .policy(context.policy(Optional.empty()))
                        .daemon(context::daemon)
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
