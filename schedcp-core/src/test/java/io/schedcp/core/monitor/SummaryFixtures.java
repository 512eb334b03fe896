package io.schedcp.core.monitor;

import io.schedcp.api.SchedExtState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Summaries for the tests of the summary's users (the bench, the workload history): real windows of made-up readings. */
public final class SummaryFixtures {

    private SummaryFixtures() {}

    /** A 2 s window at {@code interval} with every figure: two CPUs, schedstat, PSI and a sched_ext scheduler. */
    public static MonitorSummary full(Duration interval) {
        SchedExtState simple = new SchedExtState(
                true, "enabled", Optional.of("simple"), 1, 0, true, Map.of("SCX_EV_DISPATCH_KEEP_LAST", 7L));
        MonitorWindow window = new MonitorWindow(
                Snapshots.at(0)
                        .cpu(0, 0, 0)
                        .cpu(1, 0, 0)
                        .available(1000, 900)
                        .schedStat(0, 0, 0, 0)
                        .schedStat(1, 0, 0, 0)
                        .pressure(1.0, 0)
                        .schedExt(simple)
                        .build(),
                interval);
        window.add(Snapshots.at(2)
                .cpu(0, 150, 50)
                .cpu(1, 10, 190)
                .available(1000, 600)
                .schedStat(0, 1_400_000_000, 400_000_000, 40)
                .schedStat(1, 100_000_000, 0, 5)
                .pressure(4.0, 4000)
                .schedExt(simple)
                .build());
        return window.summary(0);
    }
}
