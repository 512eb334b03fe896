package io.schedcp.core.monitor;

import io.schedcp.core.kernel.SchedExtReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Takes snapshots from a proc directory ({@code /proc}, or a copy) and a sched_ext sysfs directory.
 * {@code schedstat} and {@code pressure/cpu} are looked for once: a kernel does not gain or lose them while it
 * runs (a build option and a boot flag decide), and looking for a missing file costs more than reading one.
 */
public final class SystemReader implements SnapshotSource {

    private final Path procRoot;
    private final SchedExtReader schedExt;
    private final boolean hasSchedStat;
    private final boolean hasPressure;

    public SystemReader(Path procRoot, Path schedExtDirectory) {
        this.procRoot = Objects.requireNonNull(procRoot, "procRoot");
        this.schedExt = new SchedExtReader(schedExtDirectory);
        this.hasSchedStat = Files.exists(procRoot.resolve("schedstat"));
        this.hasPressure = Files.exists(procRoot.resolve("pressure").resolve("cpu"));
    }

    public Path procRoot() {
        return procRoot;
    }

    @Override
    public SystemSnapshot read() {
        long nanos = System.nanoTime();
        return new SystemSnapshot(
                Instant.now(),
                nanos,
                ProcStatParser.read(procRoot),
                MemInfoParser.read(procRoot),
                hasSchedStat ? SchedStatParser.read(procRoot) : Optional.empty(),
                hasPressure ? PressureParser.read(procRoot) : Optional.empty(),
                schedExt.read());
    }
}
