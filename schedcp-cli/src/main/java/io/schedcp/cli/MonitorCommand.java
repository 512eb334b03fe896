package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.monitor.MonitorSample;
import io.schedcp.core.monitor.MonitorSummary;
import io.schedcp.core.monitor.MonitorSummary.Gauge;
import io.schedcp.core.monitor.MonitorSummary.SchedCounters;
import io.schedcp.core.monitor.SchedStat.CpuCounters;
import io.schedcp.core.monitor.SystemMonitor;
import io.schedcp.core.monitor.SystemReader;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp monitor}: samples the system for a while and prints the summary. */
@Command(
        name = "monitor",
        mixinStandardHelpOptions = true,
        description = {
            "Sample the system for a while, then print a summary of what it saw.",
            "It samples CPU use, memory, /proc/schedstat, CPU pressure and the sched_ext state, then prints",
            "their minimum, mean and maximum, and the counters' growth and rates.",
            "On a terminal a live line shows the last sample. Ctrl-C ends early and still prints the summary.",
            "SCHEDCP_PROC_DIR reads another directory instead of /proc (tests and debugging)."
        })
final class MonitorCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "How long to sample (default ${DEFAULT-VALUE}).")
    private long duration;

    @Option(
            names = "--interval",
            paramLabel = "MS",
            defaultValue = "1000",
            description = "Milliseconds between samples, 100 or more (default ${DEFAULT-VALUE}).")
    private long interval;

    @Option(names = "--json", description = "Print the summary as JSON for scripts.")
    private boolean json;

    @SuppressWarnings("try") // the signal handlers are held for the scope of the try block only
    @Override
    public Integer call() throws InterruptedException {
        CliContext context = root.context();
        if (duration < 1) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "--duration takes whole seconds, 1 or more, not " + duration);
        }
        if (interval < SystemMonitor.MINIMUM_INTERVAL.toMillis()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "--interval takes milliseconds, "
                            + SystemMonitor.MINIMUM_INTERVAL.toMillis() + " or more, not " + interval
                            + ": /proc/stat counts CPU time in 10 ms ticks");
        }
        SchedcpConfig config = context.config();
        SystemMonitor monitor = new SystemMonitor(
                new SystemReader(config.procDirectory(), config.schedExtDirectory()), Duration.ofMillis(interval));
        LiveLine live = new LiveLine(context.rawOut());
        boolean terminal = !json && Terminal.attached();
        if (terminal) {
            monitor.onSample(live::show);
        }
        CountDownLatch interrupted = new CountDownLatch(1);
        MonitorSummary summary;
        try (InterruptSignals signals = new InterruptSignals(interrupted::countDown)) {
            monitor.start();
            ForegroundRun.say(
                    context,
                    "monitoring for " + duration + " s, a sample every " + interval + " ms; Ctrl-C ends early");
            boolean early = interrupted.await(duration, TimeUnit.SECONDS);
            summary = monitor.stop();
            if (terminal) {
                live.clear();
            }
            if (early) {
                ForegroundRun.say(context, "interrupted after " + String.format("%.1f", summary.seconds()) + " s");
            }
        }
        if (json) {
            context.json(summary);
        } else {
            context.out().print(SummaryText.of(summary));
        }
        context.out().flush();
        return ExitCodes.OK;
    }

    /** One line rewritten in place with each sample. */
    static final class LiveLine {
        private final PrintWriter out;
        private int width;

        LiveLine(PrintWriter out) {
            this.out = out;
        }

        synchronized void show(MonitorSample sample) {
            String line = VisibleText.of(of(sample));
            width = Math.max(width, line.length());
            out.print("\r" + String.format("%-" + width + "s", line));
            out.flush();
        }

        synchronized void clear() {
            if (width > 0) {
                out.print("\r" + " ".repeat(width) + "\r");
                out.flush();
            }
        }

        /** {@code cpu  23.4% (busiest cpu1 45.0%)  mem  51.2%  psi 3.63%  waiting 0.12 s/s  sched_ext enabled simple} */
        static String of(MonitorSample sample) {
            StringBuilder line = new StringBuilder(String.format("cpu %5.1f%%", sample.cpuPercent()));
            sample.cpuPercentByCpu().entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .ifPresent(e -> line.append(String.format(" (busiest cpu%d %.1f%%)", e.getKey(), e.getValue())));
            line.append(String.format("  mem %5.1f%%", sample.memoryUsedPercent()));
            sample.pressure().ifPresent(p -> line.append(String.format("  psi %.2f%%", p.someAvg10())));
            if (!sample.schedStat().isEmpty() && sample.seconds() > 0) {
                CpuCounters all = sample.schedStatAll();
                line.append(String.format("  waiting %.2f s/s", all.waitingNs() / 1e9 / sample.seconds()));
            }
            if (sample.schedExt().supported()) {
                line.append("  sched_ext ").append(sample.schedExt().state());
                sample.schedExt().ops().ifPresent(ops -> line.append(' ').append(ops));
            }
            return line.toString();
        }
    }

    /** The summary as text: the window, a table of CPUs, memory, pressure, sched_ext and the overhead. */
    static final class SummaryText {

        private SummaryText() {}

        static String of(MonitorSummary s) {
            StringBuilder text = new StringBuilder();
            text.append(String.format(
                    "window:     %s to %s (%.1f s, %d samples, every %d ms)%n",
                    s.start().truncatedTo(ChronoUnit.MILLIS),
                    s.end().truncatedTo(ChronoUnit.MILLIS),
                    s.seconds(),
                    s.sampleCount(),
                    s.intervalMillis()));
            boolean schedStat = s.schedStat().isPresent();
            text.append(
                    schedStat
                            ? "\nEach CPU's busy share, and from schedstat the time its tasks ran and waited to run "
                                    + "and the timeslices it ran, per second:\n"
                            : "\nEach CPU's busy share:\n");
            TextTable cpus = schedStat
                    ? new TextTable("CPU", "MIN %", "AVG %", "MAX %", "RUNNING ms/s", "WAITING ms/s", "SLICES/s")
                    : new TextTable("CPU", "MIN %", "AVG %", "MAX %");
            cpus.add(row("all", s.cpuPercent(), schedStat, s.schedStat().map(MonitorSummary.SchedStats::all)));
            s.cpuPercentByCpu()
                    .forEach((cpu, gauge) -> cpus.add(row(
                            "cpu" + cpu,
                            gauge,
                            schedStat,
                            s.schedStat()
                                    .flatMap(
                                            st -> Optional.ofNullable(st.byCpu().get(cpu))))));
            text.append(cpus.render()).append('\n');
            if (!schedStat) {
                text.append("schedstat:  none (no /proc/schedstat: the kernel was built without CONFIG_SCHEDSTATS)\n");
            }
            text.append(String.format(
                    "memory:     used %s of %d kB%n",
                    gauge(s.memory().usedPercent(), "%.1f%%"), s.memory().totalKb()));
            text.append(s.pressure()
                    .map(p -> String.format(
                            "pressure:   cpu some avg10 %s; stalled %d us (%.0f us/s)%n",
                            gauge(p.someAvg10(), "%.2f%%"),
                            p.someTotalUs().total(),
                            p.someTotalUs().perSecond()))
                    .orElse("pressure:   none (no /proc/pressure/cpu: the kernel has no PSI, or it is off)\n"));
            MonitorSummary.SchedExt ext = s.schedExt();
            if (!ext.supported()) {
                text.append("sched_ext:  not supported by this kernel\n");
            } else {
                text.append(String.format(
                        "sched_ext:  %s at the start, %s at the end; %s; %d enabled in the window%n",
                        ext.stateAtStart(),
                        ext.stateAtEnd(),
                        ext.opsSeen().isEmpty() ? "no scheduler ran" : "ran " + String.join(", ", ext.opsSeen()),
                        ext.enables()));
                if (!ext.events().isEmpty()) {
                    TextTable events = new TextTable("EVENT", "TOTAL", "PER SECOND");
                    ext.events().forEach((name, c) -> events.add(name, Long.toString(c.total()), num(c.perSecond())));
                    text.append('\n').append(events.render()).append('\n');
                }
            }
            text.append(String.format(
                    "overhead:   %.3f%% of one CPU (the monitor's own CPU time)%n", s.overheadCpuPercent()));
            return text.toString();
        }

        /** A CPU's busy gauge, then its schedstat rates where the table has them ("-" for a CPU it lacks). */
        private static String[] row(String name, Gauge busy, boolean schedStat, Optional<SchedCounters> counters) {
            if (!schedStat) {
                return new String[] {name, num(busy.min()), num(busy.avg()), num(busy.max())};
            }
            return new String[] {
                name,
                num(busy.min()),
                num(busy.avg()),
                num(busy.max()),
                counters.map(c -> num(c.runningNs().perSecond() / 1e6)).orElse("-"),
                counters.map(c -> num(c.waitingNs().perSecond() / 1e6)).orElse("-"),
                counters.map(c -> num(c.timeslices().perSecond())).orElse("-")
            };
        }

        /** {@code min 1.0%, avg 2.0%, max 3.0%} with each value in {@code format}. */
        private static String gauge(Gauge g, String format) {
            return "min " + String.format(format, g.min()) + ", avg " + String.format(format, g.avg()) + ", max "
                    + String.format(format, g.max());
        }

        private static String num(double value) {
            return String.format("%.1f", value);
        }
    }
}
