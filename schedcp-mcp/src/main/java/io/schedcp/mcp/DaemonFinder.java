package io.schedcp.mcp;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.daemon.client.DaemonClient;
import java.util.Optional;

/**
 * How the server learns whether a schedcp daemon owns this host's scheduler. It asks at each call, since a daemon
 * may start or stop while the server runs: when one answers, run_scheduler and stop_scheduler go through it
 * instead of this server's manager, as {@code schedcp run} and {@code schedcp stop} do.
 */
@FunctionalInterface
public interface DaemonFinder {

    /** The daemon whose socket exists now, for one call; the caller closes it. Empty when none runs. */
    Optional<DaemonClient> find();

    /** No daemon, ever: the server owns the schedulers it starts. */
    static DaemonFinder none() {
        return Optional::empty;
    }

    /** The daemon on {@code config}'s {@link SchedcpConfig#daemonSocket() socket}, when that socket exists. */
    static DaemonFinder of(SchedcpConfig config) {
        return () -> DaemonClient.find(config.daemonSocket());
    }
}
