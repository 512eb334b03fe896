package io.schedcp.core.monitor;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a monitor saw over its window: for each gauge its minimum, mean and maximum over the samples, for each
 * counter its growth over the window and that growth per second. Plain values throughout, so that it writes as
 * JSON and reads back (the workload history keeps it).
 *
 * @param start               when the window began (the first reading)
 * @param end                 when it ended (the last reading)
 * @param seconds             its length
 * @param intervalMillis      the sampling interval asked for
 * @param sampleCount         how many samples it holds; 0 when it was shorter than the minimum interval
 * @param cpuPercent          the busy share of all CPUs, in percent
 * @param cpuPercentByCpu     each CPU's busy share, by CPU number
 * @param memory              memory use
 * @param schedStat           {@code /proc/schedstat} counters, where the kernel has them
 * @param pressure            CPU pressure, where the kernel has PSI
 * @param schedExt            the sched_ext state and its event counters
 * @param overheadCpuPercent  the CPU time the monitor itself used, as a share of one CPU over the window
 */
public record MonitorSummary(
        Instant start,
        Instant end,
        double seconds,
        long intervalMillis,
        int sampleCount,
        Gauge cpuPercent,
        Map<Integer, Gauge> cpuPercentByCpu,
        Memory memory,
        Optional<SchedStats> schedStat,
        Optional<CpuPressure> pressure,
        SchedExt schedExt,
        double overheadCpuPercent) {

    public MonitorSummary {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(cpuPercent, "cpuPercent");
        cpuPercentByCpu = sorted(cpuPercentByCpu);
        Objects.requireNonNull(memory, "memory");
        schedStat = Objects.requireNonNullElse(schedStat, Optional.empty());
        pressure = Objects.requireNonNullElse(pressure, Optional.empty());
        Objects.requireNonNull(schedExt, "schedExt");
    }

    /**
     * A gauge over the window. The mean weighs each sample by its length, so a short last sample counts for
     * its length only; with no samples all three are 0.
     */
    public record Gauge(double min, double avg, double max) {}

    /** A counter's growth over the window, and that growth divided by the window's seconds. */
    public record Counter(long total, double perSecond) {}

    /**
     * @param totalKb     {@code MemTotal} at the end
     * @param usedPercent what is not available, as a share of the total
     */
    public record Memory(long totalKb, Gauge usedPercent) {}

    /**
     * @param runningNs  time tasks ran on the CPU(s), in nanoseconds
     * @param waitingNs  time tasks waited to run, in nanoseconds
     * @param timeslices timeslices run
     */
    public record SchedCounters(Counter runningNs, Counter waitingNs, Counter timeslices) {}

    /**
     * @param version the schedstat version the file declared
     * @param all     the counters summed over the CPUs
     * @param byCpu   each CPU's counters, by CPU number
     */
    public record SchedStats(int version, SchedCounters all, Map<Integer, SchedCounters> byCpu) {

        public SchedStats {
            Objects.requireNonNull(all, "all");
            byCpu = sorted(byCpu);
        }
    }

    /**
     * @param someAvg10   {@code some avg10}, in percent
     * @param someTotalUs the growth of {@code some total}, in microseconds
     */
    public record CpuPressure(Gauge someAvg10, Counter someTotalUs) {}

    /**
     * @param supported    whether the kernel has sched_ext
     * @param stateAtStart {@code state} at the first reading ({@code unsupported} without sched_ext)
     * @param stateAtEnd   {@code state} at the last reading
     * @param opsSeen      every scheduler ops name seen running, in order
     * @param enables      how many times a scheduler was enabled in the window ({@code enable_seq}'s growth)
     * @param events       the growth of each event counter of the running scheduler(s), by name
     */
    public record SchedExt(
            boolean supported,
            String stateAtStart,
            String stateAtEnd,
            List<String> opsSeen,
            long enables,
            Map<String, Counter> events) {

        public SchedExt {
            Objects.requireNonNull(stateAtStart, "stateAtStart");
            Objects.requireNonNull(stateAtEnd, "stateAtEnd");
            opsSeen = List.copyOf(opsSeen);
            events = sorted(events);
        }
    }

    private static <K extends Comparable<K>, V> Map<K, V> sorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(map)));
    }
}
