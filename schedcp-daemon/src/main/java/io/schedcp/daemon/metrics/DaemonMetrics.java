package io.schedcp.daemon.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.schedcp.api.SchedExtState;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.Supervisor;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The daemon's Prometheus metrics, made with the official client: each is a callback that reads the figure
 * when scraped, so nothing is kept twice. The kernel's sched_ext state is read once per scrape.
 */
public final class DaemonMetrics {

    /** The Prometheus text format, version 0.0.4. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /**
     * The states the kernel writes to {@code state}, each exported in every scrape so that a state's series
     * does not vanish when the kernel leaves it; one outside these (unsupported, unknown) is added as it comes.
     */
    private static final List<String> KERNEL_STATES = List.of("disabled", "enabling", "enabled", "disabling");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public DaemonMetrics(SchedulerManager manager, Supervisor supervisor) {
        this(manager::kernelState, supervisor, Clock.systemUTC());
    }

    DaemonMetrics(Supplier<SchedExtState> kernel, Supervisor supervisor, Clock clock) {
        ScrapeCache<SchedExtState> state = new ScrapeCache<>(kernel, clock, Duration.ofMillis(200));
        GaugeWithCallback.builder()
                .name("schedcp_sched_ext_enabled")
                .help("1 when the kernel runs a sched_ext scheduler, else 0 (/sys/kernel/sched_ext/state).")
                .callback(cb -> cb.call(state.get().isEnabled() ? 1 : 0))
                .register(registry);
        GaugeWithCallback.builder()
                .name("schedcp_sched_ext_state")
                .help("The kernel's sched_ext state: 1 for the state it is in, 0 for the others.")
                .labelNames("state")
                .callback(cb -> {
                    String now = state.get().state();
                    for (String each : KERNEL_STATES) {
                        cb.call(each.equals(now) ? 1 : 0, each);
                    }
                    if (!KERNEL_STATES.contains(now)) {
                        cb.call(1, now);
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("schedcp_sched_ext_ops")
                .help("The running sched_ext scheduler's ops name: 1 while one runs.")
                .labelNames("ops")
                .callback(cb -> state.get().ops().ifPresent(ops -> cb.call(1, ops)))
                .register(registry);
        CounterWithCallback.builder()
                .name("schedcp_sched_ext_enable_seq")
                .help("How many times a sched_ext scheduler has been enabled since boot (enable_seq).")
                .callback(cb -> cb.call((double) state.get().enableSeq()))
                .register(registry);
        CounterWithCallback.builder()
                .name("schedcp_sched_ext_rejected")
                .help("Tasks the kernel refused to a sched_ext scheduler (nr_rejected).")
                .callback(cb -> cb.call((double) state.get().nrRejected()))
                .register(registry);
        CounterWithCallback.builder()
                .name("schedcp_sched_ext_events")
                .help("The running scheduler's sched_ext event counters (root/events), by event.")
                .labelNames("event")
                .callback(cb -> state.get().events().forEach((event, value) -> cb.call((double) value, event)))
                .register(registry);
        GaugeWithCallback.builder()
                .name("schedcp_scheduler_phase")
                .help("Where the daemon's scheduler is: 1 for its phase, 0 for the others, with the scheduler it was"
                        + " asked for.")
                .labelNames("phase", "scheduler")
                .callback(cb -> {
                    SupervisorStatus s = supervisor.status();
                    String scheduler = s.scheduler().orElse("");
                    for (Phase phase : Phase.values()) {
                        cb.call(phase == s.phase() ? 1 : 0, phase.name().toLowerCase(Locale.ROOT), scheduler);
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("schedcp_scheduler_running")
                .help("1 while the daemon's scheduler runs, else 0.")
                .callback(cb -> cb.call(supervisor.status().phase() == Phase.RUNNING ? 1 : 0))
                .register(registry);
        GaugeWithCallback.builder()
                .name("schedcp_scheduler_gave_up")
                .help("1 when the daemon gave up on its scheduler (restarts spent, or its start cannot succeed).")
                .callback(cb -> cb.call(supervisor.status().phase() == Phase.GAVE_UP ? 1 : 0))
                .register(registry);
        CounterWithCallback.builder()
                .name("schedcp_scheduler_restarts")
                .help("Restarts of a scheduler that ended without being asked, since the daemon started.")
                .callback(cb -> cb.call((double) supervisor.restartsTotal()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("schedcp_scheduler_uptime_seconds")
                .help("How long the daemon's scheduler has run since its last start; 0 when it does not run.")
                .callback(cb -> {
                    // One snapshot: its phase and its start time must be of the same execution.
                    SupervisorStatus s = supervisor.status();
                    cb.call(s.runningSince()
                            .filter(since -> s.phase() == Phase.RUNNING)
                            .map(since ->
                                    Duration.between(since, clock.instant()).toMillis() / 1000.0)
                            .orElse(0.0));
                })
                .register(registry);
    }

    /** The registry, for metrics that other parts of the daemon add. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Every metric, in the text format. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
