package io.schedcp.core.bench;

import io.schedcp.core.monitor.MonitorSummary;
import java.time.Duration;
import java.util.Optional;

/**
 * What a bench needs besides the scheduler manager: a system monitor around each run, and a place to record
 * each run (the workload's history). Kept as two small interfaces so the runner can be tested alone.
 */
public final class BenchHooks {

    private BenchHooks() {}

    /** Watches the system while one run goes. */
    public interface RunMonitor {
        /** Starts watching at {@code interval}; the returned session's stop gives the summary. */
        Session start(Duration interval);

        interface Session {
            /** Stops watching; the summary, if the monitor could keep watching to the end. */
            Optional<MonitorSummary> stop();
        }

        /** No monitor: runs are recorded without a system summary. */
        RunMonitor NONE = interval -> Optional::empty;
    }

    /** Keeps one run, returning the id it was recorded under. */
    public interface RunRecorder {
        String record(String workloadId, BenchRun run, Optional<MonitorSummary> monitorSummary);
    }
}
