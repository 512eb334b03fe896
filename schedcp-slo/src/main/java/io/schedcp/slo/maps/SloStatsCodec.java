package io.schedcp.slo.maps;

import io.schedcp.slo.stats.GroupCounters;
import io.schedcp.slo.stats.LatencyHistogram;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Decodes {@code struct slo_stats}: one CPU's, or a per-CPU lookup's value summed over the CPUs. */
public final class SloStatsCodec {

    private SloStatsCodec() {}

    /** The counters at {@code offset} of {@code buffer}, read little-endian whatever the buffer's order. */
    public static GroupCounters decode(ByteBuffer buffer, int offset) {
        ByteBuffer le = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long[] hist = new long[SloLayout.HIST_BUCKETS];
        for (int i = 0; i < hist.length; i++) {
            hist[i] = le.getLong(offset + SloLayout.STATS_HIST + i * Long.BYTES);
        }
        return new GroupCounters(
                le.getLong(offset + SloLayout.STATS_RUNS),
                le.getLong(offset + SloLayout.STATS_MISSES),
                le.getLong(offset + SloLayout.STATS_TOTAL_LATENESS_NS),
                le.getLong(offset + SloLayout.STATS_MAX_LATENESS_NS),
                le.getLong(offset + SloLayout.STATS_CPU_NS),
                le.getLong(offset + SloLayout.STATS_DROPPED_EVENTS),
                le.getLong(offset + SloLayout.STATS_THROTTLED),
                LatencyHistogram.of(hist));
    }

    /**
     * The counters of every CPU in {@code value} (what a per-CPU array lookup returns: one {@code slo_stats}
     * per possible CPU, each rounded up to 8 bytes) added up; the maximum lateness is the largest of them.
     */
    public static GroupCounters sumPerCpu(byte[] value) {
        int stride = SloLayout.perCpuStride(SloLayout.STATS_SIZE);
        if (value.length == 0 || value.length % stride != 0) {
            throw new IllegalArgumentException("a per-CPU slo_stats value is a whole number of " + stride
                    + "-byte values, not " + value.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        GroupCounters sum = GroupCounters.ZERO;
        for (int offset = 0; offset < value.length; offset += stride) {
            sum = sum.plus(decode(buffer, offset));
        }
        return sum;
    }

    /** A {@code struct slo_stats} of zeros: what resets a slot, for each CPU of a per-CPU update. */
    public static byte[] zeros(int cpus) {
        return new byte[SloLayout.perCpuStride(SloLayout.STATS_SIZE) * cpus];
    }
}
