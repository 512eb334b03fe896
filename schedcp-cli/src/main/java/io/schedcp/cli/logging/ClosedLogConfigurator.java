package io.schedcp.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

/**
 * How Logback starts in every JVM on schedcp's module path (the CLI and its helper JVMs): logging off, and
 * no configuration file looked for. The CLI's main then opens the log ({@link LogFile#open}); a helper JVM
 * never does, so it logs nothing. Found by Logback through ServiceLoader, ahead of its own configurators,
 * which would parse XML and, without a file, write to the console, and stdout must stay schedcp's.
 */
public final class ClosedLogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // With a listener present Logback prints none of its own status messages (to stdout) at start;
        // LogFile reads the status itself when the file will not open.
        context.getStatusManager().add(new NopStatusListener());
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
