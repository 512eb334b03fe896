package io.schedcp.core.monitor;

import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.SchedcpConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Several monitors at once, by id, for a front end that starts one per request (a benchmark, a workload, an
 * assistant's question) and stops it later. {@link #close()} stops those still running.
 */
public final class Monitors implements AutoCloseable {

    private final Supplier<SnapshotSource> sources;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, Running> running = new LinkedHashMap<>();

    private record Running(SystemMonitor monitor, Instant startedAt) {}

    /** Monitors whose snapshots each come from a source {@code sources} makes. */
    public Monitors(Supplier<SnapshotSource> sources) {
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /** Monitors of this machine: the proc and sched_ext directories of {@code config}. */
    public static Monitors of(SchedcpConfig config) {
        return new Monitors(() -> new SystemReader(config.procDirectory(), config.schedExtDirectory()));
    }

    /**
     * Starts a monitor; returns its id.
     *
     * @throws SchedcpException of kind INVALID_INPUT for an interval under the minimum, IO when a file is bad
     */
    public String start(Duration interval) {
        SystemMonitor monitor = new SystemMonitor(sources.get(), interval);
        Instant startedAt = Instant.now();
        monitor.start();
        String id = "monitor-" + counter.incrementAndGet();
        synchronized (this) {
            running.put(id, new Running(monitor, startedAt));
        }
        return id;
    }

    /**
     * Stops monitor {@code id} and returns its summary.
     *
     * @throws SchedcpException of kind NOT_FOUND when no monitor of that id runs
     */
    public MonitorSummary stop(String id) {
        Running stopped;
        synchronized (this) {
            stopped = running.remove(id);
            if (stopped == null) {
                throw new SchedcpException(
                        Kind.NOT_FOUND,
                        "no monitor '" + id + "' is running"
                                + (running.isEmpty() ? "" : "; running: " + String.join(", ", running.keySet())),
                        new UnknownName(Subject.MONITOR, id, List.copyOf(running.keySet())));
            }
        }
        return stopped.monitor().stop();
    }

    /** The running monitors, oldest first. */
    public synchronized List<MonitorInfo> list() {
        List<MonitorInfo> infos = new ArrayList<>();
        running.forEach((id, r) -> infos.add(new MonitorInfo(
                id, r.monitor().interval(), r.startedAt(), r.monitor().sampleCount())));
        return infos;
    }

    /** Stops every running monitor; their summaries are dropped. */
    @Override
    public void close() {
        List<SystemMonitor> monitors;
        synchronized (this) {
            monitors = running.values().stream().map(Running::monitor).toList();
            running.clear();
        }
        for (SystemMonitor monitor : monitors) {
            try {
                monitor.stop();
            } catch (SchedcpException e) {
                // It failed while sampling and was logged then; closing goes on with the others.
            }
        }
    }
}
