package io.schedcp.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The CLI's log, {@code ~/.schedcp/schedcp.log}, through Logback: appended to (never truncated, so the audit
 * trail of earlier runs survives), one line per event written and flushed whole, and rotated past
 * {@link #MAX_BYTES} to {@code schedcp.log.1}, the older ones moving up to {@code .2} and {@code .3} and the
 * oldest beyond that deleted. A file that cannot be written leaves logging off for the run. Nothing of
 * Logback is loaded until the first logger is asked for: {@code schedcp --version} logs nothing.
 */
public final class LogFile {

    /** The size past which the log is rotated. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** How many rotated files are kept beside the current one. */
    static final int KEPT = 3;

    /** The level names SCHEDCP_LOG_LEVEL takes, least severe first. */
    public static final String LEVEL_NAMES = "trace, debug, info, warn or error";

    /** UTC time, level, thread, the logger's simple name, the message (and a stack trace on the lines after). */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX, UTC} %-5level [%thread] %logger{0} - %msg%n";

    private static final String APPENDER = "schedcp-log";

    /** The log asked for, by the CLI's main before any logger exists. */
    private record Wanted(Path file, org.slf4j.event.Level level, long maxBytes, Consumer<String> problem) {
    }

    /** Logback's context once it has started; until then the log is only {@link #wanted}. */
    private static LoggerContext context;
    private static Wanted wanted;

    private LogFile() {
    }

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
            apply(context, wanted);
        }
    }

    /** Called by {@link LogConfigurator} as Logback starts. */
    static synchronized void started(LoggerContext started) {
        context = started;
        if (wanted != null) {
            apply(context, wanted);
        }
    }

    private static void apply(LoggerContext context, Wanted log) {
        close(context);
        if (log.file().toString().indexOf('%') >= 0) {
            // Logback names the rotated files from a pattern in which % starts a conversion and cannot be escaped.
            log.problem().accept("its path holds a %, which Logback's rotation would read as a pattern");
            return;
        }
        RollingFileAppender<ILoggingEvent> appender = appender(context, log.file(), log.maxBytes());
        if (!appender.isStarted()) {
            log.problem().accept(reason(context, appender));
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(Level.convertAnSLF4JLevel(log.level()));
    }

    private static RollingFileAppender<ILoggingEvent> appender(LoggerContext context, Path file, long maxBytes) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT);
        rolling.start();
        appender.setRollingPolicy(rolling);

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(maxBytes));
        // Logback looks at the size once a minute by default; a look per line costs one stat and keeps each
        // file close to the limit.
        trigger.setCheckIncrement(Duration.buildByMilliseconds(0));
        trigger.start();
        appender.setTriggeringPolicy(trigger);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setEncoder(encoder);

        appender.start();
        return appender;
    }

    /** Why the appender did not start, from the last error it reported to the context. */
    private static String reason(LoggerContext context, Appender<ILoggingEvent> appender) {
        String reason = "Logback gave no reason";
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getOrigin() == appender && status.getLevel() == Status.ERROR) {
                Throwable cause = status.getThrowable();
                reason = cause != null && cause.getMessage() != null ? cause.getMessage() : status.getMessage();
            }
        }
        return reason;
    }

    /** Stops writing the log, and turns logging off; starts nothing when Logback has not started. */
    public static synchronized void close() {
        wanted = null;
        if (context != null) {
            close(context);
        }
    }

    private static void close(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
        if (appender != null) {
            root.detachAppender(appender);
            appender.stop();
        }
        root.setLevel(Level.OFF);
    }
}
