package io.schedcp.core.monitor;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-CPU lines of {@code /proc/schedstat} (a kernel built with CONFIG_SCHEDSTATS): counters since boot.
 *
 * @param version   the format version the file declares
 * @param timestamp the {@code timestamp} line, in jiffies
 * @param cpus      each online CPU's counters by CPU number, ascending
 */
public record SchedStat(int version, long timestamp, Map<Integer, CpuCounters> cpus) {

    public SchedStat {
        cpus = Collections.unmodifiableSortedMap(new TreeMap<>(cpus));
    }

    /**
     * Fields 7, 8 and 9 of a {@code cpuN} line.
     *
     * @param runningNs  time tasks spent running on this CPU, in nanoseconds
     * @param waitingNs  time tasks spent runnable on this CPU's queue, waiting to run, in nanoseconds
     * @param timeslices timeslices run on this CPU
     */
    public record CpuCounters(long runningNs, long waitingNs, long timeslices) {

        public static final CpuCounters ZERO = new CpuCounters(0, 0, 0);

        /** The growth since {@code earlier}; a counter that went back counts as unchanged. */
        public CpuCounters since(CpuCounters earlier) {
            return new CpuCounters(
                    Math.max(0, runningNs - earlier.runningNs),
                    Math.max(0, waitingNs - earlier.waitingNs),
                    Math.max(0, timeslices - earlier.timeslices));
        }

        public CpuCounters plus(CpuCounters other) {
            return new CpuCounters(
                    runningNs + other.runningNs, waitingNs + other.waitingNs, timeslices + other.timeslices);
        }
    }
}
