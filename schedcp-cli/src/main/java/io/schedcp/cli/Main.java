package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.cli.logging.LogFile;
import io.schedcp.core.ConfigVariable;
import io.schedcp.core.SchedcpConfig;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import picocli.CommandLine;

/** The {@code schedcp} command. */
public final class Main {

    static final String LOG_LEVEL_VARIABLE = ConfigVariable.LOG_LEVEL.variable();

    private Main() {}

    public static void main(String[] args) {
        SchedcpConfig config = SchedcpConfig.fromEnvironment();
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        openLog(config, err);
        CliContext context = CliContext.fromEnvironment(config);
        // Straight onto the file descriptor: System.out (a PrintStream) would swallow a failed write, and
        // checkError on this writer could not tell.
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        int code = execute(context, out, err, args);
        out.flush();
        err.flush();
        LogFile.close();
        System.exit(code);
    }

    /**
     * Opens the log at SCHEDCP_LOG_LEVEL; says once on {@code err} when that is not a level, or (at the first
     * line logged) when the log cannot be written. This runs before the context's streams exist, so its
     * messages spell out control characters themselves ({@link VisibleText}): the variable and SCHEDCP_HOME are
     * the user's text.
     */
    static void openLog(SchedcpConfig config, PrintWriter target) {
        PrintWriter err = VisibleText.printer(target);
        String name = config.value(ConfigVariable.LOG_LEVEL).orElse(null);
        Optional<Level> level = LogFile.level(name);
        if (level.isEmpty()) {
            err.println("schedcp: warning: " + LOG_LEVEL_VARIABLE + "=" + name + " is not a log level, so the log is "
                    + "kept at info; set it to one of " + LogFile.LEVEL_NAMES + ", or unset it");
        }
        LogFile.open(
                config.logFile(),
                level.orElse(Level.INFO),
                reason -> err.println("schedcp: note: cannot write "
                        + "the log " + config.logFile() + " (" + reason
                        + "); this run is not logged. Set SCHEDCP_HOME to a "
                        + "writable directory to keep a log."));
    }

    /**
     * Runs one command line against {@code context}; returns the exit code. While it runs, {@code System.out}
     * is stderr: stdout carries schedcp's own results only ({@code out}), whatever a plugin prints.
     */
    static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return run(context, out, err, stdout, args);
        } finally {
            System.setOut(stdout);
        }
    }

    private static int run(CliContext context, PrintWriter out, PrintWriter err, PrintStream stdout, String... args) {
        context.streams(out, err, stdout);
        CommandLine commandLine = new CommandLine(new SchedcpCommand(context));
        McpCommand.describe(commandLine.getSubcommands().get("mcp").getCommandSpec());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            Logger log = LoggerFactory.getLogger(Main.class);
            if (ex instanceof SchedcpException schedcp) {
                log.warn("{} failed: {}", String.join(" ", args), schedcp.getMessage());
                context.err().println("schedcp: " + CliAdvice.message(schedcp));
                return ExitCodes.of(schedcp.kind());
            }
            log.error("{} failed unexpectedly", String.join(" ", args), ex);
            context.err()
                    .println("schedcp: internal error: " + ex + ". This is a bug; the details are in "
                            + context.config().logFile() + ".");
            return ExitCodes.INTERNAL;
        });
        // The command line is logged unless it only asks for help or the version, which do nothing worth
        // auditing: then no logger exists, and Logback never starts (LogFile).
        CommandLine.IParameterExceptionHandler badArguments = commandLine.getParameterExceptionHandler();
        commandLine.setParameterExceptionHandler((ex, badArgs) -> {
            logCommand(args);
            return badArguments.handleParseException(ex, badArgs);
        });
        commandLine.setExecutionStrategy(parseResult -> {
            if (!asksForHelpOnly(parseResult)) {
                logCommand(args);
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        Thread closer = new Thread(context::close, "schedcp-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            int code = commandLine.execute(args);
            return outputWritten(out, err, code);
        } finally {
            context.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs anyway.
            }
        }
    }

    private static void logCommand(String... args) {
        LoggerFactory.getLogger(Main.class).info("command: schedcp {}", String.join(" ", args));
    }

    /** Whether the command line only asks for usage help or the version, at any level of subcommand. */
    private static boolean asksForHelpOnly(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code code}, or IO when the results could not be written to stdout (a full disk, a closed pipe): a
     * command whose output is lost has not done its job, whatever it computed.
     */
    static int outputWritten(PrintWriter out, PrintWriter err, int code) {
        if (!out.checkError()) {
            return code;
        }
        err.println("schedcp: the output could not be written to stdout (the disk is full, or what reads it went "
                + "away); check where stdout goes and run the command again");
        err.flush();
        return code == ExitCodes.OK ? ExitCodes.IO : code;
    }
}
