package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.cli.logging.LogSink;
import io.schedcp.core.SchedcpConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The {@code schedcp} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        SchedcpConfig config = SchedcpConfig.fromEnvironment();
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Optional<String> logProblem = LogSink.open(config.logFile(),
                LogSink.parseLevel(config.environment().get("SCHEDCP_LOG_LEVEL")));
        logProblem.ifPresent(reason -> err.println("schedcp: note: cannot write the log " + config.logFile()
                + " (" + reason + "); this run is not logged. Set SCHEDCP_HOME to a writable directory to keep a log."));
        CliContext context = CliContext.fromEnvironment(config);
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        int code = execute(context, out, err, args);
        out.flush();
        err.flush();
        LogSink.close();
        System.exit(code);
    }

    /**
     * Runs one command line against {@code context}; returns the exit code. While it runs, {@code System.out}
     * is stderr: stdout carries schedcp's own results only ({@code out}), whatever a plugin prints.
     */
    public static int execute(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return run(context, out, err, stdout, args);
        } finally {
            System.setOut(stdout);
        }
    }

    private static int run(CliContext context, PrintWriter out, PrintWriter err, PrintStream stdout, String... args) {
        Logger log = LoggerFactory.getLogger(Main.class);
        context.streams(out, err, stdout);
        CommandLine commandLine = new CommandLine(new SchedcpCommand(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            if (ex instanceof SchedcpException schedcp) {
                log.warn("{} failed: {}", String.join(" ", args), schedcp.getMessage());
                context.err().println("schedcp: " + schedcp.getMessage());
                return ExitCodes.of(schedcp.kind());
            }
            log.error("{} failed unexpectedly", String.join(" ", args), ex);
            context.err().println("schedcp: internal error: " + ex + ". This is a bug; the details are in "
                    + context.config().logFile() + ".");
            return ExitCodes.INTERNAL;
        });
        Thread closer = new Thread(context::close, "schedcp-shutdown");
        Runtime.getRuntime().addShutdownHook(closer);
        try {
            log.info("command: schedcp {}", String.join(" ", args));
            return commandLine.execute(args);
        } finally {
            context.close();
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs anyway.
            }
        }
    }
}
