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
 * survives), or nowhere when the file cannot be written. Each line is written and flushed whole. A file that
 * grows past {@link #MAX_BYTES} is rotated ({@link LogRotation}), at open and while a long run (the MCP
 * server) writes.
 */
public final class LogSink {

    /** The size past which the log is rotated. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private static volatile OutputStream target;
    private static volatile Level threshold = Level.INFO;
    private static Path path;
    private static long limit = MAX_BYTES;
    private static long written;

    private LogSink() {
    }

    /**
     * Opens {@code file} for appending; returns the reason when it cannot, in which case logging is off.
     *
     * @param level the least severe level written, such as {@code INFO}
     */
    public static Optional<String> open(Path file, Level level) {
        return open(file, level, MAX_BYTES);
    }

    /** As {@link #open(Path, Level)}, rotating the file past {@code maxBytes}. */
    static synchronized Optional<String> open(Path file, Level level, long maxBytes) {
        threshold = level;
        close();
        path = file;
        limit = maxBytes;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            LogRotation.rotateIfOver(file, limit);
            openTarget();
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            target = null;
            return Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static void openTarget() throws IOException {
        target = new FileOutputStream(path.toFile(), true);
        written = Files.size(path);
    }

    /**
     * Rotates once this process has seen the file pass the limit. Another process may have rotated it
     * already: then the file is only reopened.
     */
    private static void rotateIfFull() {
        if (written < limit) {
            return;
        }
        try {
            target.close();
            LogRotation.rotateIfOver(path, limit);
            openTarget();
        } catch (IOException | SecurityException e) {
            // The log itself is what failed; the command goes on without it.
            target = null;
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
        if (target == null) {
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
            OutputStream current = target;
            if (current == null) {
                return;
            }
            try {
                current.write(bytes);
                current.flush();
                written += bytes.length;
                rotateIfFull();
            } catch (IOException e) {
                // A full disk must not break the command; the line is lost.
            }
        }
    }
}
