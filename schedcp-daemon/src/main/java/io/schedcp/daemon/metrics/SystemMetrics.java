package io.schedcp.daemon.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.schedcp.api.SchedcpException;
import io.schedcp.core.monitor.MemInfo;
import io.schedcp.core.monitor.Pressure;
import io.schedcp.core.monitor.ProcStat.CpuTimes;
import io.schedcp.core.monitor.SchedStat;
import io.schedcp.core.monitor.SnapshotSource;
import io.schedcp.core.monitor.SystemSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system monitor's figures, from one snapshot of /proc per scrape (the reader the {@code monitor} command
 * samples): CPU time by mode, memory, the time tasks waited on each CPU's run queue (schedstat) and CPU pressure
 * (PSI). They are the kernel's counters since boot, so Prometheus's {@code rate()} gives what the monitor's
 * windows give. A file the kernel lacks leaves its families out; a failed read leaves them all out and is logged.
 */
final class SystemMetrics implements MultiCollector {

    private static final Logger LOG = LoggerFactory.getLogger(SystemMetrics.class);
    /** USER_HZ: /proc/stat's ticks a second, 100 on every common architecture. */
    static final double TICKS_PER_SECOND = 100;

    private final SnapshotSource source;

    SystemMetrics(SnapshotSource source) {
        this.source = source;
    }

    @Override
    public MetricSnapshots collect() {
        SystemSnapshot now;
        try {
            now = source.read();
        } catch (SchedcpException e) {
            LOG.debug("the host's figures are left out of this scrape: {}", e.getMessage());
            return MetricSnapshots.of();
        } catch (RuntimeException e) {
            LOG.warn("the host's figures are left out of this scrape", e);
            return MetricSnapshots.of();
        }
        Families families = new Families();
        cpu(families, now.stat().all(), now.stat().cpus().size());
        memory(families, now.memory());
        now.schedStat().ifPresent(s -> runQueues(families, s));
        now.pressure().ifPresent(p -> pressure(families, p));
        return families.build();
    }

    private static void cpu(Families families, CpuTimes all, int cpus) {
        families.counter(
                "schedcp_host_cpu_seconds",
                "CPU time of all CPUs since boot, by mode (/proc/stat).",
                List.of(
                        seconds(all.user(), "user"),
                        seconds(all.nice(), "nice"),
                        seconds(all.system(), "system"),
                        seconds(all.idle(), "idle"),
                        seconds(all.iowait(), "iowait"),
                        seconds(all.irq(), "irq"),
                        seconds(all.softirq(), "softirq"),
                        seconds(all.steal(), "steal")));
        families.gauge("schedcp_host_cpus", "Online CPUs (/proc/stat).", List.of(Families.point((double) cpus)));
    }

    private static Families.Point seconds(long ticks, String mode) {
        return Families.point(ticks / TICKS_PER_SECOND, "mode", mode);
    }

    private static void memory(Families families, MemInfo m) {
        families.gauge(
                "schedcp_host_memory_bytes",
                "Memory by kind (/proc/meminfo): total, free, available, buffers, cached.",
                List.of(
                        bytes(m.totalKb(), "total"),
                        bytes(m.freeKb(), "free"),
                        bytes(m.availableKb(), "available"),
                        bytes(m.buffersKb(), "buffers"),
                        bytes(m.cachedKb(), "cached")));
        families.gauge(
                "schedcp_host_memory_used_ratio",
                "The share of memory in use: total less available, over total (0..1).",
                List.of(Families.point(m.usedPercent() / 100)));
    }

    private static Families.Point bytes(long kb, String kind) {
        return Families.point(kb * 1024.0, "kind", kind);
    }

    private static void runQueues(Families families, SchedStat stat) {
        List<Families.Point> waiting = new ArrayList<>();
        List<Families.Point> running = new ArrayList<>();
        List<Families.Point> slices = new ArrayList<>();
        for (Map.Entry<Integer, SchedStat.CpuCounters> cpu : stat.cpus().entrySet()) {
            String id = Integer.toString(cpu.getKey());
            waiting.add(Families.point(cpu.getValue().waitingNs() / 1e9, "cpu", id));
            running.add(Families.point(cpu.getValue().runningNs() / 1e9, "cpu", id));
            slices.add(Families.point((double) cpu.getValue().timeslices(), "cpu", id));
        }
        families.counter(
                "schedcp_host_runqueue_wait_seconds",
                "Time tasks spent runnable on each CPU's run queue, waiting to run (/proc/schedstat).",
                waiting);
        families.counter(
                "schedcp_host_cpu_running_seconds", "Time tasks spent running on each CPU (/proc/schedstat).", running);
        families.counter("schedcp_host_timeslices", "Timeslices run on each CPU (/proc/schedstat).", slices);
    }

    private static void pressure(Families families, Pressure p) {
        List<Families.Point> shares = new ArrayList<>(shares(p.some(), "some"));
        List<Families.Point> stalled = new ArrayList<>();
        stalled.add(Families.point(p.some().totalUs() / 1e6, "kind", "some"));
        Optional<Pressure.Line> full = p.full();
        if (full.isPresent()) {
            shares.addAll(shares(full.get(), "full"));
            stalled.add(Families.point(full.get().totalUs() / 1e6, "kind", "full"));
        }
        families.gauge(
                "schedcp_host_cpu_pressure_ratio",
                "CPU pressure (/proc/pressure/cpu): the share of time tasks waited for a CPU over the window (0..1);"
                        + " some: at least one task, full: every non-idle task.",
                shares);
        families.counter(
                "schedcp_host_cpu_pressure_stalled_seconds",
                "Time since boot that tasks waited for a CPU (/proc/pressure/cpu total).",
                stalled);
    }

    private static List<Families.Point> shares(Pressure.Line line, String kind) {
        return List.of(
                Families.point(line.avg10() / 100, "kind", kind, "window", "10s"),
                Families.point(line.avg60() / 100, "kind", kind, "window", "60s"),
                Families.point(line.avg300() / 100, "kind", kind, "window", "300s"));
    }
}
