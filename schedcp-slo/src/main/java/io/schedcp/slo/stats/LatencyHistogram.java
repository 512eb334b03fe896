package io.schedcp.slo.stats;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * scx_slo's log2 histogram of wake-to-run latency: bucket {@code i} counts latencies in [2^i, 2^(i+1)) ns,
 * and bucket 0 also counts 0 ns, as the BPF side's {@code log2_u64} puts them.
 *
 * <p>A percentile is interpolated linearly within its bucket, as if the bucket's latencies were spread
 * evenly over it: the {@code q} quantile of {@code n} latencies is at rank {@code q·n}; in the bucket where the
 * counts reach that rank, holding {@code c} latencies of which {@code below} are in the buckets before, it is
 * {@code low + (high - low) · (q·n - below) / c}, with bucket 0 spanning [0, 2). So the error is at most the
 * width of one bucket, which is the lower bound itself: the figure is within a factor of two.
 */
public final class LatencyHistogram {

    public static final int BUCKETS = 64;

    private static final LatencyHistogram EMPTY = new LatencyHistogram(new long[BUCKETS]);

    private final long[] counts;

    private LatencyHistogram(long[] counts) {
        this.counts = counts;
    }

    /** @param counts one count per bucket, {@link #BUCKETS} of them (copied) */
    public static LatencyHistogram of(long... counts) {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException("a histogram has " + BUCKETS + " buckets, not " + counts.length);
        }
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("bucket counts are not negative: " + Arrays.toString(counts));
            }
        }
        return new LatencyHistogram(counts.clone());
    }

    public static LatencyHistogram empty() {
        return EMPTY;
    }

    /** The bucket a latency of {@code ns} (a {@code u64}, so unsigned) falls in, as the BPF side counts it. */
    public static int bucketOf(long ns) {
        return ns == 0 ? 0 : 63 - Long.numberOfLeadingZeros(ns);
    }

    /** The lowest latency bucket {@code i} counts: 0 for bucket 0, else 2^i ns. */
    public static double lowerBoundNs(int bucket) {
        return bucket == 0 ? 0 : Math.scalb(1.0, bucket);
    }

    /** The end of bucket {@code i}: 2^(i+1) ns, not included. */
    public static double upperBoundNs(int bucket) {
        return Math.scalb(1.0, bucket + 1);
    }

    public long count(int bucket) {
        return counts[bucket];
    }

    public long[] counts() {
        return counts.clone();
    }

    /** How many latencies were counted. */
    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /**
     * The {@code q} quantile in ns (0.5 for p50, 0.999 for p99.9), interpolated as the class says; empty when
     * nothing was counted.
     */
    public OptionalLong percentileNs(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile is above 0 and at most 1, not " + q);
        }
        long total = total();
        if (total == 0) {
            return OptionalLong.empty();
        }
        double rank = q * total;
        long below = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            long count = counts[bucket];
            if (count > 0 && below + count >= rank) {
                double low = lowerBoundNs(bucket);
                double high = upperBoundNs(bucket);
                return OptionalLong.of(Math.round(low + (high - low) * (rank - below) / count));
            }
            below += count;
        }
        throw new AssertionError("the counts reach the total");
    }

    public LatencyHistogram plus(LatencyHistogram other) {
        long[] sum = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] = counts[i] + other.counts[i];
        }
        return new LatencyHistogram(sum);
    }

    /** The counts added since {@code earlier}, a histogram of the same counters taken before. */
    public LatencyHistogram since(LatencyHistogram earlier) {
        long[] growth = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            growth[i] = Math.max(0, counts[i] - earlier.counts[i]);
        }
        return new LatencyHistogram(growth);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyHistogram histogram && Arrays.equals(counts, histogram.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("LatencyHistogram[");
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] > 0) {
                text.append(text.charAt(text.length() - 1) == '[' ? "" : ", ")
                        .append(i)
                        .append(':')
                        .append(counts[i]);
            }
        }
        return text.append(']').toString();
    }
}
