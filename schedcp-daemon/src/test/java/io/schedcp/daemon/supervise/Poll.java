package io.schedcp.daemon.supervise;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition by polling, up to a deadline, and fails naming what it last saw. */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(10);

    private Poll() {}

    /** The first value of {@code source} that meets {@code condition} within {@code timeout}. */
    public static <T> T until(Supplier<T> source, Predicate<? super T> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = source.get();
        while (!condition.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not " + what + " within " + timeout.toMillis() + " ms; last seen: " + last);
            }
            pause();
            last = source.get();
        }
        return last;
    }

    /** Fails as soon as {@code source} stops meeting {@code condition} during {@code period}. */
    public static <T> void holds(Supplier<T> source, Predicate<? super T> condition, Duration period, String what) {
        long end = System.nanoTime() + period.toNanos();
        do {
            T now = source.get();
            if (!condition.test(now)) {
                throw new AssertionError("no longer " + what + "; seen: " + now);
            }
            pause();
        } while (System.nanoTime() - end < 0);
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
