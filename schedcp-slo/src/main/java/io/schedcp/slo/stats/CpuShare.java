package io.schedcp.slo.stats;

import java.util.OptionalDouble;

/** The share of all CPUs a group used over an interval. */
public final class CpuShare {

    private CpuShare() {}

    /**
     * {@code cpuNs / (intervalNs × cpus)}: 0.5 on 2 CPUs is one CPU's worth. Empty when the interval is not
     * above 0 (a single reading has none).
     */
    public static OptionalDouble of(long cpuNs, long intervalNs, int cpus) {
        if (cpus < 1) {
            throw new IllegalArgumentException("a machine has at least 1 CPU, not " + cpus);
        }
        if (intervalNs <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) cpuNs / ((double) intervalNs * cpus));
    }
}
