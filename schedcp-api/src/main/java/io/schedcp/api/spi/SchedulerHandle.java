package io.schedcp.api.spi;

import io.schedcp.api.ExitInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A scheduler a provider started. The manager stops it by sending {@link StopSignal}s in order and
 * waiting in between; an in-process scheduler maps the signals onto its own way of detaching.
 */
public interface SchedulerHandle {

    /** The scheduler's name, as in its descriptor. */
    String schedulerName();

    /** The process id of the program, where the scheduler is one. */
    OptionalLong pid();

    /** Whether the scheduler's program or in-process loader is still running. */
    boolean isAlive();

    /** The last lines it printed, oldest first. */
    List<String> outputTail();

    /**
     * Calls {@code listener} with the lines of {@link #outputTail()}, then with each new line as it is
     * printed (on a thread of the handle's own), so that a listener sees every line once.
     */
    void onOutput(Consumer<String> listener);

    /** Asks it to stop; returns at once. */
    void signal(StopSignal signal);

    /** Waits up to {@code timeout} for it to end; returns its exit info if it did. */
    Optional<ExitInfo> awaitExit(Duration timeout) throws InterruptedException;

    /** Its exit info once it has ended. */
    Optional<ExitInfo> exitInfo();
}
