package io.schedcp.core.manager;

import io.schedcp.core.SchedcpConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * The manager's timings.
 *
 * @param startTimeout    how long the kernel may take to report a new scheduler enabled
 * @param stopStepTimeout how long each stop signal, and then the kernel, may take before the next step
 * @param pollInterval    how often kernel state is read while waiting or watching
 */
public record ManagerSettings(Duration startTimeout, Duration stopStepTimeout, Duration pollInterval) {

    public static final ManagerSettings DEFAULTS =
            new ManagerSettings(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofMillis(100));

    public ManagerSettings {
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopStepTimeout, "stopStepTimeout");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** The defaults, with the start timeout of {@code SCHEDCP_START_TIMEOUT} where it is set. */
    public static ManagerSettings from(SchedcpConfig config) {
        return config.startTimeout().map(DEFAULTS::withStartTimeout).orElse(DEFAULTS);
    }

    public ManagerSettings withStartTimeout(Duration timeout) {
        return new ManagerSettings(timeout, stopStepTimeout, pollInterval);
    }

    public ManagerSettings withStopStepTimeout(Duration timeout) {
        return new ManagerSettings(startTimeout, timeout, pollInterval);
    }
}
