package io.schedcp.core.monitor;

import io.schedcp.api.SchedExtState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the monitor reads at one moment; two of them make a {@link MonitorSample}.
 *
 * @param time      the wall-clock time of the reading
 * @param nanos     a monotonic reading ({@link System#nanoTime()} for a real source) that intervals are measured by
 * @param stat      {@code /proc/stat}
 * @param memory    {@code /proc/meminfo}
 * @param schedStat {@code /proc/schedstat}, where the kernel has schedstats
 * @param pressure  {@code /proc/pressure/cpu}, where the kernel has PSI
 * @param schedExt  the sched_ext state and the running scheduler's event counters
 */
public record SystemSnapshot(
        Instant time,
        long nanos,
        ProcStat stat,
        MemInfo memory,
        Optional<SchedStat> schedStat,
        Optional<Pressure> pressure,
        SchedExtState schedExt) {

    public SystemSnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(stat, "stat");
        Objects.requireNonNull(memory, "memory");
        schedStat = Objects.requireNonNullElse(schedStat, Optional.empty());
        pressure = Objects.requireNonNullElse(pressure, Optional.empty());
        Objects.requireNonNull(schedExt, "schedExt");
    }
}
