package io.schedcp.core.monitor;

import java.util.Objects;
import java.util.Optional;

/**
 * CPU pressure from {@code /proc/pressure/cpu} (PSI, Documentation/accounting/psi.rst).
 *
 * @param some the share of time at least one runnable task waited for a CPU
 * @param full the share of time every non-idle task waited at once; kernels since 5.13 write it for the CPU,
 *             and at the system level it reads zero
 */
public record Pressure(Line some, Optional<Line> full) {

    public Pressure {
        Objects.requireNonNull(some, "some");
        full = Objects.requireNonNullElse(full, Optional.empty());
    }

    /**
     * One line of the file.
     *
     * @param avg10   the stalled share of the last 10 s, in percent
     * @param avg60   of the last 60 s
     * @param avg300  of the last 300 s
     * @param totalUs the stalled time since boot, in microseconds
     */
    public record Line(double avg10, double avg60, double avg300, long totalUs) {}
}
