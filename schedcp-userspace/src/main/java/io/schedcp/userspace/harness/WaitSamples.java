package io.schedcp.userspace.harness;

import java.util.Arrays;

/** The waits of one task, in a growing array of longs, for their maximum and their 99th percentile. */
final class WaitSamples {

    private long[] samples = new long[64];
    private int count;

    void add(long ns) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = ns;
    }

    int count() {
        return count;
    }

    long max() {
        long max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, samples[i]);
        }
        return max;
    }

    /** The nearest-rank 99th percentile; 0 without samples. */
    long p99() {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(0.99 * count);
        return sorted[Math.max(rank, 1) - 1];
    }
}
