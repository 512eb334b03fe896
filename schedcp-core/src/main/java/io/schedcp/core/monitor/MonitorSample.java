package io.schedcp.core.monitor;

import io.schedcp.api.SchedExtState;
import io.schedcp.core.monitor.ProcStat.CpuTimes;
import io.schedcp.core.monitor.SchedStat.CpuCounters;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One interval's figures: gauges as read at its end, counters as their growth over it.
 *
 * @param time              when the interval ended
 * @param seconds           how long it was
 * @param cpuPercent        the busy share of all CPUs, in percent
 * @param cpuPercentByCpu   each CPU's busy share, in percent, by CPU number
 * @param memory            {@code /proc/meminfo} at the end
 * @param memoryUsedPercent {@link MemInfo#usedPercent()} at the end
 * @param schedStat         each CPU's schedstat growth, by CPU number; empty without {@code /proc/schedstat}
 * @param pressure          CPU pressure, where the kernel has PSI
 * @param schedExt          the sched_ext state at the end
 * @param schedExtEvents    the growth of each of the running scheduler's event counters, by name
 */
public record MonitorSample(
        Instant time,
        double seconds,
        double cpuPercent,
        Map<Integer, Double> cpuPercentByCpu,
        MemInfo memory,
        double memoryUsedPercent,
        Map<Integer, CpuCounters> schedStat,
        Optional<PressureChange> pressure,
        SchedExtState schedExt,
        Map<String, Long> schedExtEvents) {

    public MonitorSample {
        Objects.requireNonNull(time, "time");
        cpuPercentByCpu = Collections.unmodifiableSortedMap(new TreeMap<>(cpuPercentByCpu));
        Objects.requireNonNull(memory, "memory");
        schedStat = Collections.unmodifiableSortedMap(new TreeMap<>(schedStat));
        pressure = Objects.requireNonNullElse(pressure, Optional.empty());
        Objects.requireNonNull(schedExt, "schedExt");
        schedExtEvents = Collections.unmodifiableSortedMap(new TreeMap<>(schedExtEvents));
    }

    /**
     * CPU pressure over the interval.
     *
     * @param someAvg10   the {@code some avg10} at the end, in percent
     * @param someTotalUs the growth of {@code some total}: microseconds in which a task waited for a CPU
     */
    public record PressureChange(double someAvg10, long someTotalUs) {}

    /** The sum of {@link #schedStat()} over the CPUs. */
    public CpuCounters schedStatAll() {
        return schedStat.values().stream().reduce(CpuCounters.ZERO, CpuCounters::plus);
    }

    /**
     * The figures of the interval from {@code before} to {@code after}. A CPU that is in only one of them
     * (it went offline or came online) is left out of the per-CPU figures.
     */
    public static MonitorSample between(SystemSnapshot before, SystemSnapshot after) {
        double seconds = Math.max(0, after.nanos() - before.nanos()) / 1e9;
        Map<Integer, Double> byCpu = new TreeMap<>();
        after.stat().cpus().forEach((cpu, times) -> {
            CpuTimes earlier = before.stat().cpus().get(cpu);
            if (earlier != null) {
                byCpu.put(cpu, times.busyPercentSince(earlier));
            }
        });
        Map<Integer, CpuCounters> schedStat = new TreeMap<>();
        if (before.schedStat().isPresent() && after.schedStat().isPresent()) {
            Map<Integer, CpuCounters> earlier = before.schedStat().get().cpus();
            after.schedStat().get().cpus().forEach((cpu, counters) -> {
                if (earlier.containsKey(cpu)) {
                    schedStat.put(cpu, counters.since(earlier.get(cpu)));
                }
            });
        }
        Optional<PressureChange> pressure = after.pressure()
                .flatMap(now -> before.pressure()
                        .map(then -> new PressureChange(
                                now.some().avg10(),
                                Math.max(0, now.some().totalUs() - then.some().totalUs()))));
        return new MonitorSample(
                after.time(),
                seconds,
                after.stat().all().busyPercentSince(before.stat().all()),
                byCpu,
                after.memory(),
                after.memory().usedPercent(),
                schedStat,
                pressure,
                after.schedExt(),
                eventGrowth(before.schedExt(), after.schedExt()));
    }

    /**
     * The event counters count from the running scheduler's enable. When another scheduler was enabled in
     * between ({@code enable_seq} moved), its counters are all growth; what the one before counted after the
     * earlier reading is not known and not counted.
     */
    private static Map<String, Long> eventGrowth(SchedExtState before, SchedExtState after) {
        boolean sameScheduler =
                before.enableSeq() == after.enableSeq() && before.ops().equals(after.ops());
        Map<String, Long> growth = new TreeMap<>();
        after.events().forEach((name, value) -> {
            Long earlier = sameScheduler ? before.events().get(name) : null;
            growth.put(name, earlier == null || value < earlier ? value : value - earlier);
        });
        return growth;
    }
}
