package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --start-timeout} and {@code --stop-timeout}, shared by the commands that start schedulers. The start
 * timeout's default comes from SCHEDCP_START_TIMEOUT (the lab's guest sets 90: software emulation is slow),
 * read from schedcp's own environment so that a bad value is blamed on the variable, not the option.
 */
final class TimeoutOptions {

    static final String START_VARIABLE = "SCHEDCP_START_TIMEOUT";
    static final int START_DEFAULT_SECONDS = 20;

    @Option(names = "--start-timeout", paramLabel = "SECONDS",
            description = "How long the kernel may take to enable the scheduler (default " + START_DEFAULT_SECONDS
                    + "; " + START_VARIABLE + " sets the default).")
    private Integer startSeconds;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long each stop signal may take before the next (default ${DEFAULT-VALUE}).")
    private int stopSeconds;

    /** The start timeout: the option, else the variable, else the default; 1 s or more. */
    Duration start(Map<String, String> environment) {
        if (startSeconds != null) {
            return seconds("--start-timeout " + startSeconds, startSeconds);
        }
        String variable = environment.get(START_VARIABLE);
        if (variable == null || variable.isBlank()) {
            return Duration.ofSeconds(START_DEFAULT_SECONDS);
        }
        try {
            return seconds(START_VARIABLE + "=" + variable, Integer.parseInt(variable.strip()));
        } catch (NumberFormatException e) {
            throw new SchedcpException(Kind.INVALID_INPUT, START_VARIABLE + "=" + variable + " is not a whole number "
                    + "of seconds; set it to 1 or more (such as 90), or unset it for the default of "
                    + START_DEFAULT_SECONDS);
        }
    }

    Duration stop() {
        return seconds("--stop-timeout " + stopSeconds, stopSeconds);
    }

    private static Duration seconds(String given, int seconds) {
        if (seconds < 1) {
            throw new SchedcpException(Kind.INVALID_INPUT, given + " is not a timeout: give a whole number of "
                    + "seconds, 1 or more");
        }
        return Duration.ofSeconds(seconds);
    }
}
