package io.schedcp.api.spi;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedulerDescriptor;
import java.util.List;

/**
 * A source of schedulers. Implementations are found with {@link java.util.ServiceLoader}: declare
 * {@code provides io.schedcp.api.spi.SchedulerProvider with ...} in module-info and list the class in
 * {@code META-INF/services/io.schedcp.api.spi.SchedulerProvider}, so the provider is found on the module
 * path and on the class path alike. A provider needs a public no-argument constructor.
 *
 * <p>The manager, not the provider, enforces the rules that hold for every scheduler: one runs at a time,
 * every start and stop is confirmed against the kernel's sched_ext state, and every action is logged.
 */
public interface SchedulerProvider {

    /** The rank of the built-in providers. A plugin ranks higher to take over a built-in scheduler's name. */
    int DEFAULT_RANK = 0;

    /** A short lower-case id, such as {@code scx}; it qualifies names as {@code id:name}. */
    String id();

    /**
     * Decides which provider serves a name that several claim: the highest rank wins, and on a tie the
     * provider id first in alphabetical order. The others stay reachable as {@code id:name}.
     */
    default int rank() {
        return DEFAULT_RANK;
    }

    /**
     * Called once by the manager before any other method but {@link #id()} and {@link #rank()}. A provider
     * keeps the context for later: it holds the launcher, the data directory and the environment.
     */
    default void initialize(ProviderContext context) {}

    /** The schedulers this provider offers, whether or not they can run on this host. */
    List<SchedulerDescriptor> schedulers();

    /** Whether {@code schedulerName}, one of {@link #schedulers()}, can start on this host now. */
    Availability availability(String schedulerName);

    /**
     * Starts a scheduler and returns at once with its handle; the manager then waits for the kernel to
     * confirm it. A provider that runs a program should use {@link ProviderContext#launcher()}, which
     * applies the host's privilege rules and captures the output.
     *
     * @throws SchedcpException when it cannot be started, with a message that says why
     */
    SchedulerHandle start(StartRequest request);
}
