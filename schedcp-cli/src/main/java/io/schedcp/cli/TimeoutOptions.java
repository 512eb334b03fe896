package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.ManagerSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --start-timeout} and {@code --stop-timeout}, shared by the commands that start schedulers. The start
 * timeout's default comes from SCHEDCP_START_TIMEOUT (the lab's guest sets it: software emulation is slow),
 * read through {@link SchedcpConfig} as every front end and embedding program reads it, so that a bad value is
 * blamed on the variable, not the option.
 */
final class TimeoutOptions {

    // Constants for the annotation below; a test holds them equal to ConfigVariable's and ManagerSettings'.
    static final String START_VARIABLE = "SCHEDCP_START_TIMEOUT";
    static final int START_DEFAULT_SECONDS = 20;

    @Option(
            names = "--start-timeout",
            paramLabel = "SECONDS",
            description = "How long the kernel may take to enable the scheduler (default " + START_DEFAULT_SECONDS
                    + "; " + START_VARIABLE + " sets the default).")
    private Integer startSeconds;

    @Option(
            names = "--stop-timeout",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "How long each stop signal may take before the next (default ${DEFAULT-VALUE}).")
    private int stopSeconds;

    /** The start timeout: the option, else SCHEDCP_START_TIMEOUT (through the config), else the default. */
    Duration start(SchedcpConfig config) {
        if (startSeconds != null) {
            return seconds("--start-timeout " + startSeconds, startSeconds);
        }
        return ManagerSettings.from(config).startTimeout();
    }

    Duration stop() {
        return seconds("--stop-timeout " + stopSeconds, stopSeconds);
    }

    private static Duration seconds(String given, int seconds) {
        if (seconds < 1) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, given + " is not a timeout: give a whole number of " + "seconds, 1 or more");
        }
        return Duration.ofSeconds(seconds);
    }
}
