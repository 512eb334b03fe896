package io.schedcp.cli.logging;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.event.Level;

/**
 * Where the CLI's log lines go: appended to one file (never truncated, so the audit trail of earlier runs
 * survives), or nowhere when the file cannot be written. Each line is written and flushed whole.
 */
public final class LogSink {

    private static volatile OutputStream target;
    private static volatile Level threshold = Level.INFO;

    private LogSink() {
    }

    /**
     * Opens {@code file} for appending; returns the reason when it cannot, in which case logging is off.
     *
     * @param level the least severe level written, such as {@code INFO}
     */
    public static synchronized Optional<String> open(Path file, Level level) {
        threshold = level;
        close();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            target = new FileOutputStream(file.toFile(), true);
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            target = null;
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The level names SCHEDCP_LOG_LEVEL takes, least severe first. */
    public static final String LEVEL_NAMES = "trace, debug, info, warn or error";

    /** The level a name such as {@code debug} means (any case); INFO when unset or blank, empty when unknown. */
    public static Optional<Level> level(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(Level.INFO);
        }
        try {
            return Optional.of(Level.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static synchronized void close() {
        if (target != null) {
            try {
                target.close();
            } catch (IOException e) {
                // Nothing useful to do: the log itself is what failed.
            }
            target = null;
        }
    }

    static boolean enabled(Level level) {
        return target != null && level.toInt() >= threshold.toInt();
    }

    static void write(Level level, String logger, String message, Throwable error) {
        OutputStream out = target;
        if (out == null) {
            return;
        }
        StringBuilder line = new StringBuilder(128)
                .append(Instant.now()).append(' ')
                .append(String.format("%-5s", level)).append(" [")
                .append(Thread.currentThread().getName()).append("] ")
                .append(logger.substring(logger.lastIndexOf('.') + 1)).append(" - ")
                .append(message).append('\n');
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (LogSink.class) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // A full disk must not break the command; the line is lost.
            }
        }
    }
}
