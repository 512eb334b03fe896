package io.schedcp.core.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A running monitor, as {@link Monitors#list()} shows it.
 *
 * @param id          what {@link Monitors#stop(String)} takes
 * @param interval    its sampling interval
 * @param startedAt   when it was started
 * @param sampleCount the samples it has taken so far
 */
public record MonitorInfo(String id, Duration interval, Instant startedAt, int sampleCount) {

    public MonitorInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
