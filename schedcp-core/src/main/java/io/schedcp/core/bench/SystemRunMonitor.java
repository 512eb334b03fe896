package io.schedcp.core.bench;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.monitor.Monitors;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system monitor around each bench run. A monitor that fails (an unreadable /proc file) costs the run its
 * summary, not the run: the failure is logged and the run is recorded without one.
 */
public final class SystemRunMonitor implements BenchHooks.RunMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(SystemRunMonitor.class);

    private final Monitors monitors;

    public SystemRunMonitor(Monitors monitors) {
        this.monitors = monitors;
    }

    @Override
    public Session start(Duration interval) {
        String id;
        try {
            id = monitors.start(interval);
        } catch (SchedcpException e) {
            LOG.warn("bench: the system monitor did not start, the run is recorded without it: {}", e.getMessage());
            return Optional::empty;
        }
        return () -> {
            try {
                return Optional.of(monitors.stop(id));
            } catch (SchedcpException e) {
                LOG.warn("bench: the system monitor failed, the run is recorded without it: {}", e.getMessage());
                return Optional.empty();
            }
        };
    }
}
