package io.schedcp.userspace.stats;

import java.util.Arrays;

/**
 * The enqueue-to-dispatch round trip as scx_userspace counts it ({@code rtt_hist}, bpf/userspace/scx_userspace.h):
 * 4 linear sub-buckets per power of two, in ns. Bucket {@code i < 4} holds the value {@code i}; above, bucket
 * {@code 4 * (msb - 1) + s} holds the values whose highest set bit is {@code msb} and whose next two bits are
 * {@code s}, so each bucket spans a quarter of its power of two (a relative error under 25 %).
 */
public final class RttHistogram {

    public static final int BUCKETS = 256;

    private final long[] counts;

    /** @param counts the count in each bucket, summed over the CPUs; at most {@link #BUCKETS} */
    public RttHistogram(long[] counts) {
        if (counts.length > BUCKETS) {
            throw new IllegalArgumentException(
                    "a round-trip histogram has " + BUCKETS + " buckets, not " + counts.length);
        }
        this.counts = Arrays.copyOf(counts, BUCKETS);
    }

    /** The bucket of {@code ns}, as BPF computes it. */
    public static int bucketOf(long ns) {
        if (ns < 4) {
            return (int) Math.max(ns, 0);
        }
        int msb = 63 - Long.numberOfLeadingZeros(ns);
        return (int) ((4L * (msb - 1) + ((ns >>> (msb - 2)) & 3)) & (BUCKETS - 1));
    }

    /** The smallest value of bucket {@code i}. */
    public static long lowerBound(int i) {
        if (i < 4) {
            return i;
        }
        int msb = i / 4 + 1;
        long sub = i % 4;
        return (1L << msb) | (sub << (msb - 2));
    }

    /** One past the largest value of bucket {@code i}. */
    public static long upperBound(int i) {
        if (i < 4) {
            return i + 1L;
        }
        int msb = i / 4 + 1;
        return lowerBound(i) + (1L << (msb - 2));
    }

    public long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /**
     * The value at quantile {@code q} (0 < q <= 1): the middle of the bucket that holds it, or 0 for an empty
     * histogram.
     */
    public long quantileNs(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile is above 0 and at most 1, not " + q);
        }
        long total = total();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (lowerBound(i) + upperBound(i) - 1) / 2;
            }
        }
        return (lowerBound(BUCKETS - 1) + upperBound(BUCKETS - 1) - 1) / 2;
    }

    /** The counts, bucket by bucket. */
    public long[] counts() {
        return counts.clone();
    }
}
