package io.schedcp.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

/**
 * How Logback starts in every JVM on schedcp's module path: with the log {@link LogFile#open} asked for, or
 * with logging off (a helper JVM, which never asks). Logback runs this when SLF4J binds, at the first
 * logger, so a command that logs nothing never starts Logback. Found through ServiceLoader, ahead of
 * Logback's own configurators, which would look for XML and, finding none, write to the console: stdout
 * must stay schedcp's.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // With a listener present Logback prints none of its own status messages (to stdout) at start;
        // LogFile reads the status itself when the file will not open.
        context.getStatusManager().add(new NopStatusListener());
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        LogFile.started(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
