package io.schedcp.core.monitor;

import io.schedcp.api.SchedExtState;
import io.schedcp.core.monitor.ProcStat.CpuTimes;
import io.schedcp.core.monitor.SchedStat.CpuCounters;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Made-up snapshots for scripted monitors: set what a test looks at, the rest is zero. */
final class Snapshots {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final double seconds;
    private final Map<Integer, CpuTimes> cpus = new TreeMap<>();
    private MemInfo memory = new MemInfo(1000, 500, 500, 0, 0);
    private final Map<Integer, CpuCounters> schedStat = new TreeMap<>();
    private Optional<Pressure> pressure = Optional.empty();
    private SchedExtState schedExt = SchedExtState.UNSUPPORTED;

    private Snapshots(double seconds) {
        this.seconds = seconds;
    }

    /** A snapshot taken {@code seconds} after {@link #EPOCH}. */
    static Snapshots at(double seconds) {
        return new Snapshots(seconds);
    }

    /** CPU {@code cpu} has been busy (user) for {@code busy} ticks and idle for {@code idle} since boot. */
    Snapshots cpu(int cpu, long busy, long idle) {
        cpus.put(cpu, new CpuTimes(busy, 0, 0, idle, 0, 0, 0, 0));
        return this;
    }

    Snapshots available(long totalKb, long availableKb) {
        memory = new MemInfo(totalKb, availableKb, availableKb, 0, 0);
        return this;
    }

    Snapshots schedStat(int cpu, long runningNs, long waitingNs, long timeslices) {
        schedStat.put(cpu, new CpuCounters(runningNs, waitingNs, timeslices));
        return this;
    }

    Snapshots pressure(double someAvg10, long someTotalUs) {
        pressure = Optional.of(new Pressure(new Pressure.Line(someAvg10, 0, 0, someTotalUs), Optional.empty()));
        return this;
    }

    Snapshots schedExt(SchedExtState state) {
        schedExt = state;
        return this;
    }

    SystemSnapshot build() {
        long user = 0;
        long idle = 0;
        for (CpuTimes times : cpus.values()) {
            user += times.user();
            idle += times.idle();
        }
        ProcStat stat = new ProcStat(new CpuTimes(user, 0, 0, idle, 0, 0, 0, 0), cpus);
        Optional<SchedStat> schedStats =
                schedStat.isEmpty() ? Optional.empty() : Optional.of(new SchedStat(17, 0, schedStat));
        long nanos = Math.round(seconds * 1e9);
        return new SystemSnapshot(EPOCH.plusNanos(nanos), nanos, stat, memory, schedStats, pressure, schedExt);
    }

    /** {@code snapshot} as if it had been taken {@code seconds} after {@link #EPOCH}. */
    static SystemSnapshot retimed(SystemSnapshot snapshot, double seconds) {
        long nanos = Math.round(seconds * 1e9);
        return new SystemSnapshot(
                EPOCH.plusNanos(nanos),
                nanos,
                snapshot.stat(),
                snapshot.memory(),
                snapshot.schedStat(),
                snapshot.pressure(),
                snapshot.schedExt());
    }
}
