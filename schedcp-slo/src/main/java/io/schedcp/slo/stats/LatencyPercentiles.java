package io.schedcp.slo.stats;

import java.util.Optional;

/** Wake-to-run latency at the 50th, 99th and 99.9th percentiles, in ns, from a {@link LatencyHistogram}. */
public record LatencyPercentiles(long p50Ns, long p99Ns, long p999Ns) {

    /** The percentiles of {@code histogram}; empty when it counted nothing. */
    public static Optional<LatencyPercentiles> of(LatencyHistogram histogram) {
        if (histogram.total() == 0) {
            return Optional.empty();
        }
        return Optional.of(new LatencyPercentiles(
                histogram.percentileNs(0.5).orElseThrow(),
                histogram.percentileNs(0.99).orElseThrow(),
                histogram.percentileNs(0.999).orElseThrow()));
    }
}
