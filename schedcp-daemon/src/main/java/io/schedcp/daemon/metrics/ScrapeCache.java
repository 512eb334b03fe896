package io.schedcp.daemon.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code ttl}: the metrics of one scrape share one read of the kernel's state.
 */
final class ScrapeCache<T> {

    private final Supplier<T> source;
    private final Clock clock;
    private final Duration ttl;
    private T value;
    private Instant readAt = Instant.MIN;

    ScrapeCache(Supplier<T> source, Clock clock, Duration ttl) {
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
    }

    synchronized T get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(readAt.plus(ttl))) {
            value = source.get();
            readAt = now;
        }
        return value;
    }
}
