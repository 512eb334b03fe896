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

/**
 * The Logback appender of {@link LogFile}: a rolling file appender with a fixed window of {@link #KEPT} old
 * files and a size trigger, and the line pattern.
 */
final class RollingLog {

    /** How many rotated files are kept beside the current one. */
    static final int KEPT = 3;

    /** UTC time, level, thread, the logger's simple name, the message (and a stack trace on the lines after). */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX, UTC} %-5level [%thread] %logger{0} - %msg%n";

    private static final String APPENDER = "schedcp-log";

    private RollingLog() {}

    /** Replaces the appender with one writing {@code log}'s file, or tells {@code log}'s problem why it cannot. */
    static void apply(LoggerContext context, LogFile.Wanted log) {
        stop(context);
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

    /** Stops the appender, if there is one, and turns logging off. */
    static void stop(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
        if (appender != null) {
            root.detachAppender(appender);
            appender.stop();
        }
        root.setLevel(Level.OFF);
    }
}
