package io.schedcp.cli.logging;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The CLI's log, {@code ~/.schedcp/schedcp.log}, through Logback: appended to (never truncated, so the audit
 * trail of earlier runs survives), one line per event written and flushed whole, and rotated past
 * {@link #MAX_BYTES} to {@code schedcp.log.1}, the older ones moving up to {@code .2} and {@code .3} and the
 * oldest beyond that deleted. A file that cannot be written leaves logging off for the run. Nothing of
 * Logback is loaded until the first logger is asked for: {@code schedcp --version} logs nothing. This
 * class holds what was asked for; {@link RollingLog} builds the appender.
 */
public final class LogFile {

    /** The size past which the log is rotated. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** The level names SCHEDCP_LOG_LEVEL takes, least severe first. */
    public static final String LEVEL_NAMES = "trace, debug, info, warn or error";

    /** The log asked for, by the CLI's main before any logger exists. */
    record Wanted(Path file, org.slf4j.event.Level level, long maxBytes, Consumer<String> problem) {}

    /** Logback's context once it has started; until then the log is only {@link #wanted}. */
    private static LoggerContext context;

    private static Wanted wanted;

    private LogFile() {}

    /** The level a name such as {@code debug} means (any case); INFO when unset or blank, empty when unknown. */
    public static Optional<org.slf4j.event.Level> level(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(org.slf4j.event.Level.INFO);
        }
        try {
            return Optional.of(org.slf4j.event.Level.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Sends the log to {@code file} from {@code level} on. Logback starts only at the first logger, so the
     * file is opened then (or at once, if it has started); when it cannot be, {@code problem} gets the reason,
     * once, and logging stays off.
     */
    public static void open(Path file, org.slf4j.event.Level level, Consumer<String> problem) {
        open(file, level, MAX_BYTES, problem);
    }

    /** As {@link #open(Path, org.slf4j.event.Level, Consumer)}, rotating the file past {@code maxBytes}. */
    static synchronized void open(Path file, org.slf4j.event.Level level, long maxBytes, Consumer<String> problem) {
        wanted = new Wanted(file.toAbsolutePath(), level, maxBytes, problem);
        if (context != null) {
            RollingLog.apply(context, wanted);
        }
    }

    /** Called by {@link LogConfigurator} as Logback starts. */
    static synchronized void started(LoggerContext started) {
        context = started;
        if (wanted != null) {
            RollingLog.apply(context, wanted);
        }
    }

    /** Stops writing the log, and turns logging off; starts nothing when Logback has not started. */
    public static synchronized void close() {
        wanted = null;
        if (context != null) {
            RollingLog.stop(context);
        }
    }
}
