package io.schedcp.core.monitor;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The CPU lines of {@code /proc/stat}: time each CPU spent in each state since boot, in clock ticks
 * (USER_HZ, 100 a second on every common architecture).
 *
 * @param all  the {@code cpu} line, the sum over all CPUs
 * @param cpus the {@code cpuN} lines by N, ascending; only online CPUs have one
 */
public record ProcStat(CpuTimes all, Map<Integer, CpuTimes> cpus) {

    public ProcStat {
        Objects.requireNonNull(all, "all");
        cpus = Collections.unmodifiableSortedMap(new TreeMap<>(cpus));
    }

    /**
     * One CPU line. Guest time is left out: the kernel counts it in {@code user} and {@code nice} already.
     */
    public record CpuTimes(
            long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

        public long total() {
            return user + nice + system + idle + iowait + irq + softirq + steal;
        }

        /** Idle and waiting for I/O: the CPU had nothing to run either way. */
        public long idleTotal() {
            return idle + iowait;
        }

        /**
         * The share of the ticks between {@code earlier} and this reading that the CPU was busy, in percent;
         * 0 when no tick was counted. A counter that went back (per-CPU iowait can) counts as unchanged.
         */
        public double busyPercentSince(CpuTimes earlier) {
            long idleTicks = Math.max(0, idle - earlier.idle) + Math.max(0, iowait - earlier.iowait);
            long busyTicks = Math.max(0, user - earlier.user)
                    + Math.max(0, nice - earlier.nice)
                    + Math.max(0, system - earlier.system)
                    + Math.max(0, irq - earlier.irq)
                    + Math.max(0, softirq - earlier.softirq)
                    + Math.max(0, steal - earlier.steal);
            long ticks = idleTicks + busyTicks;
            return ticks == 0 ? 0.0 : 100.0 * busyTicks / ticks;
        }
    }
}
