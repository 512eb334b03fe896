package io.schedcp.daemon.supervise;

import java.time.Duration;
import java.util.Objects;

/**
 * How a scheduler that ends without being asked is restarted: after {@code initialBackoff}, doubling up to
 * {@code maxBackoff}, at most {@code maxRestarts} times for one run request (scx_loader allows 5). After that
 * the daemon leaves the kernel on its default scheduler, and says why. An initial backoff of zero restarts at
 * once, every time.
 */
public record RestartPolicy(int maxRestarts, Duration initialBackoff, Duration maxBackoff) {

    public static final RestartPolicy DEFAULT = new RestartPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public RestartPolicy {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("max_restarts must be 0 or more, not " + maxRestarts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("the backoff must grow from a non-negative initial one to a maximum,"
                    + " not from " + initialBackoff.toMillis() + " ms to " + maxBackoff.toMillis() + " ms");
        }
    }

    /**
     * The wait before restart number {@code restart} (1 for the first): the initial backoff, doubled for each
     * restart before it, and never more than the maximum.
     */
    public Duration backoff(int restart) {
        if (restart < 1) {
            throw new IllegalArgumentException("restarts are numbered from 1, not " + restart);
        }
        // Halving the maximum rather than doubling the wait, so that a maximum near Duration's own cannot overflow.
        Duration half = maxBackoff.dividedBy(2);
        Duration wait = initialBackoff;
        for (int i = 1; i < restart && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.compareTo(half) > 0 ? maxBackoff : wait.multipliedBy(2);
        }
        return wait;
    }
}
