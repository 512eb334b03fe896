package io.schedcp.core.monitor;

import io.schedcp.core.monitor.MonitorSummary.Counter;
import io.schedcp.core.monitor.MonitorSummary.Gauge;
import io.schedcp.core.monitor.MonitorSummary.SchedCounters;
import io.schedcp.core.monitor.SchedStat.CpuCounters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A monitor's window: turns each new snapshot into a sample against the one before, and keeps what the
 * summary needs. Not thread-safe; {@link SystemMonitor} serialises the calls.
 */
final class MonitorWindow {

    private final SystemSnapshot first;
    private final Duration interval;
    private SystemSnapshot last;
    private int samples;

    private final Accumulator cpu = new Accumulator();
    private final Map<Integer, Accumulator> cpuByCpu = new TreeMap<>();
    private final Accumulator memoryUsed = new Accumulator();
    private final Map<Integer, CpuCounters> schedStat = new TreeMap<>();
    private final Accumulator someAvg10 = new Accumulator();
    private long someTotalUs;
    private final Set<String> opsSeen = new LinkedHashSet<>();
    private final Map<String, Long> events = new TreeMap<>();

    MonitorWindow(SystemSnapshot first, Duration interval) {
        this.first = first;
        this.last = first;
        this.interval = interval;
        first.schedExt().ops().ifPresent(opsSeen::add);
    }

    SystemSnapshot last() {
        return last;
    }

    int sampleCount() {
        return samples;
    }

    /** Takes {@code next} as the end of a new interval; returns that interval's sample. */
    MonitorSample add(SystemSnapshot next) {
        MonitorSample sample = MonitorSample.between(last, next);
        last = next;
        samples++;
        double weight = sample.seconds();
        cpu.add(sample.cpuPercent(), weight);
        sample.cpuPercentByCpu()
                .forEach((c, percent) ->
                        cpuByCpu.computeIfAbsent(c, k -> new Accumulator()).add(percent, weight));
        memoryUsed.add(sample.memoryUsedPercent(), weight);
        sample.schedStat().forEach((c, growth) -> schedStat.merge(c, growth, CpuCounters::plus));
        sample.pressure().ifPresent(p -> {
            someAvg10.add(p.someAvg10(), weight);
            someTotalUs += p.someTotalUs();
        });
        next.schedExt().ops().ifPresent(opsSeen::add);
        sample.schedExtEvents().forEach((name, growth) -> events.merge(name, growth, Long::sum));
        return sample;
    }

    /** The summary so far; {@code overheadCpuNanos} is the CPU time the monitor spent on it. */
    MonitorSummary summary(long overheadCpuNanos) {
        double seconds = Math.max(0, last.nanos() - first.nanos()) / 1e9;
        Map<Integer, Gauge> byCpu = new TreeMap<>();
        cpuByCpu.forEach((c, gauge) -> byCpu.put(c, gauge.gauge()));
        Optional<MonitorSummary.SchedStats> schedStats = last.schedStat().map(stat -> {
            Map<Integer, SchedCounters> counters = new TreeMap<>();
            schedStat.forEach((c, growth) -> counters.put(c, counters(growth, seconds)));
            CpuCounters all = schedStat.values().stream().reduce(CpuCounters.ZERO, CpuCounters::plus);
            return new MonitorSummary.SchedStats(stat.version(), counters(all, seconds), counters);
        });
        Optional<MonitorSummary.CpuPressure> pressure = last.pressure()
                .map(p -> new MonitorSummary.CpuPressure(someAvg10.gauge(), counter(someTotalUs, seconds)));
        Map<String, Counter> eventCounters = new TreeMap<>();
        events.forEach((name, total) -> eventCounters.put(name, counter(total, seconds)));
        MonitorSummary.SchedExt schedExt = new MonitorSummary.SchedExt(
                last.schedExt().supported(),
                first.schedExt().state(),
                last.schedExt().state(),
                new ArrayList<>(opsSeen),
                Math.max(0, last.schedExt().enableSeq() - first.schedExt().enableSeq()),
                eventCounters);
        double overhead = seconds == 0 ? 0.0 : 100.0 * overheadCpuNanos / 1e9 / seconds;
        return new MonitorSummary(
                first.time(),
                last.time(),
                seconds,
                interval.toMillis(),
                samples,
                cpu.gauge(),
                byCpu,
                new MonitorSummary.Memory(last.memory().totalKb(), memoryUsed.gauge()),
                schedStats,
                pressure,
                schedExt,
                overhead);
    }

    private static SchedCounters counters(CpuCounters growth, double seconds) {
        return new SchedCounters(
                counter(growth.runningNs(), seconds),
                counter(growth.waitingNs(), seconds),
                counter(growth.timeslices(), seconds));
    }

    private static Counter counter(long total, double seconds) {
        return new Counter(total, seconds == 0 ? 0.0 : total / seconds);
    }

    /** Minimum, maximum and the length-weighted mean of one gauge. */
    private static final class Accumulator {
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double sum;
        private double weighted;
        private double weight;
        private int count;

        void add(double value, double seconds) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            weighted += value * seconds;
            weight += seconds;
            count++;
        }

        Gauge gauge() {
            if (count == 0) {
                return new Gauge(0, 0, 0);
            }
            // Samples of no length at all (only a scripted source makes them) count equally.
            return new Gauge(min, weight > 0 ? weighted / weight : sum / count, max);
        }
    }
}
