package io.schedcp.cli.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that writes through {@link LogSink}. */
final class FileLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    FileLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return LogSink.enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return LogSink.enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return LogSink.enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return LogSink.enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return LogSink.enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        LogSink.write(level, name, MessageFormatter.basicArrayFormat(pattern, arguments), throwable);
    }
}
