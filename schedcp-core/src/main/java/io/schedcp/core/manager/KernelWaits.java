package io.schedcp.core.manager;

import io.schedcp.api.SchedExtState;
import io.schedcp.core.kernel.SchedExtReader;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Polls the kernel's sched_ext state until a condition holds, a deadline passes, or the wait is abandoned. */
final class KernelWaits {

    private final SchedExtReader kernel;
    private final Duration pollInterval;

    KernelWaits(SchedExtReader kernel, Duration pollInterval) {
        this.kernel = kernel;
        this.pollInterval = pollInterval;
    }

    /**
     * Returns the first state that satisfies {@code condition}, or empty when {@code timeout} passes or
     * {@code abandon} turns true first.
     */
    Optional<SchedExtState> await(Predicate<SchedExtState> condition, Duration timeout, BooleanSupplier abandon)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SchedExtState state = kernel.read();
            if (condition.test(state)) {
                return Optional.of(state);
            }
            if (abandon.getAsBoolean() || System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }
}
