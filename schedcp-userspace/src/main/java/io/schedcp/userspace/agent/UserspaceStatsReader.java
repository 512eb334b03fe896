package io.schedcp.userspace.agent;

import io.schedcp.bpf.libbpf.BpfMap;
import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.userspace.stats.RttHistogram;
import io.schedcp.userspace.stats.UserspaceCounters;

/** Reads scx_userspace's per-CPU counters and round-trip histogram, summed over the CPUs. */
final class UserspaceStatsReader {

    private final BpfMap stats;
    private final BpfMap rtt;

    UserspaceStatsReader(BpfObject loaded) {
        this.stats = loaded.map(UserspaceLayout.STATS);
        this.rtt = loaded.map(UserspaceLayout.RTT);
    }

    UserspaceCounters counters() {
        return UserspaceCounters.of(sums(stats, UserspaceCounters.COUNT));
    }

    RttHistogram roundTrips() {
        return new RttHistogram(sums(rtt, RttHistogram.BUCKETS));
    }

    private static long[] sums(BpfMap map, int entries) {
        long[] sums = new long[entries];
        for (int key = 0; key < entries; key++) {
            long sum = 0;
            for (long perCpu : map.lookupPerCpuLongs(key).orElse(new long[0])) {
                sum += perCpu;
            }
            sums[key] = sum;
        }
        return sums;
    }
}
