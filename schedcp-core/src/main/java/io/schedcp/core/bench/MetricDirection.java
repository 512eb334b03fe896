package io.schedcp.core.bench;

import java.util.List;
import java.util.Locale;

/** Whether more of a metric is better (throughput) or less (times, latencies), read from its name. */
public enum MetricDirection {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    private static final List<String> HIGHER =
            List.of("bogo_ops", "rps", "throughput", "ops_per_s", "ops_s", "score", "per_s");
    private static final List<String> LOWER = List.of("_s", "_us", "_ms", "_ns", "time", "latency");

    /** The direction of {@code metric}, or LOWER_IS_BETTER for a name that says neither (times by default). */
    public static MetricDirection of(String metric) {
        String name = metric.toLowerCase(Locale.ROOT);
        if (HIGHER.stream().anyMatch(name::contains)) {
            return HIGHER_IS_BETTER;
        }
        return LOWER_IS_BETTER;
    }

    /** Whether {@code metric} has a direction schedcp can tell, from its name. */
    public static boolean known(String metric) {
        String name = metric.toLowerCase(Locale.ROOT);
        return HIGHER.stream().anyMatch(name::contains)
                || LOWER.stream().anyMatch(name::endsWith)
                || LOWER.stream().anyMatch(name::contains);
    }

    /** How much better {@code value} is than {@code baseline}: above 1 is better, whatever the direction. */
    public double advantage(double value, double baseline) {
        if (value <= 0 || baseline <= 0) {
            return Double.NaN;
        }
        return this == HIGHER_IS_BETTER ? value / baseline : baseline / value;
    }
}
