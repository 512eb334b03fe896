package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.api.SchedExtState;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.MemInfo;
import io.schedcp.core.monitor.MonitorSample;
import io.schedcp.core.monitor.SchedStat.CpuCounters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code schedcp monitor} in-process, reading the captured lab and host files through SCHEDCP_PROC_DIR and
 * SCHEDCP_SCHED_EXT_DIR. The files do not change while it runs, so every counter grows by 0 and every gauge
 * reads the captured value; each run takes its one second.
 */
class MonitorCommandTest {

    @TempDir
    Path temp;

    private CliFixture fixture;
    private final JsonMapper json = JsonMapper.builder().build();

    record Result(int code, String out, String err) {}

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
    }

    private Result run(Map<String, String> env, String... args) {
        SchedcpConfig config = new SchedcpConfig(fixture.home, env);
        CliContext context = new CliContext(
                config,
                settings -> SchedulerManager.builder()
                        .config(config)
                        .settings(settings)
                        .build());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private Map<String, String> reading(Path proc, Path schedExt) {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_PROC_DIR", proc.toString());
        env.put("SCHEDCP_SCHED_EXT_DIR", schedExt.toString());
        return env;
    }

    private Map<String, String> lab() {
        return reading(CliFixture.monitorCapture("lab"), CliFixture.monitorCapture("sched_ext"));
    }

    @Test
    void jsonCarriesTheSummaryOfTheLabCapture() {
        Result result = run(lab(), "monitor", "--duration", "1", "--interval", "500", "--json");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("monitoring for 1 s, a sample every 500 ms; Ctrl-C ends early");
        JsonNode summary = json.readTree(result.out());
        assertThat(summary.get("sample_count").asInt()).isBetween(1, 3);
        assertThat(summary.get("interval_millis").asLong()).isEqualTo(500);
        assertThat(summary.get("seconds").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(summary.get("cpu_percent_by_cpu").propertyNames()).containsExactly("0", "1");
        assertThat(summary.get("memory").get("total_kb").asLong()).isEqualTo(2014768);
        assertThat(summary.get("memory").get("used_percent").get("max").asDouble())
                .isCloseTo(5.6507, within(1e-4));
        assertThat(summary.get("sched_stat").get("version").asInt()).isEqualTo(17);
        assertThat(summary.get("sched_stat")
                        .get("all")
                        .get("timeslices")
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(summary.get("pressure").get("some_avg10").get("max").asDouble())
                .isEqualTo(3.63);
        JsonNode schedExt = summary.get("sched_ext");
        assertThat(schedExt.get("state_at_start").asString()).isEqualTo("enabled");
        assertThat(schedExt.get("ops_seen")).extracting(JsonNode::asString).containsExactly("simple");
        assertThat(schedExt.get("events")
                        .get("SCX_EV_DISPATCH_KEEP_LAST")
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(summary.get("overhead_cpu_percent").asDouble()).isNotNegative();
    }

    @Test
    void textShowsATableOfCpusAndALineForEachPart() {
        Result result = run(lab(), "monitor", "--duration", "1");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("CPU\\s+MIN %\\s+AVG %\\s+MAX %\\s+RUNNING ms/s\\s+WAITING ms/s\\s+SLICES/s")
                .containsPattern("cpu1\\s+0\\.0\\s+0\\.0\\s+0\\.0\\s+0\\.0\\s+0\\.0\\s+0\\.0")
                .contains("memory:     used min 5.7%, avg 5.7%, max 5.7% of 2014768 kB")
                .contains("pressure:   cpu some avg10 min 3.63%, avg 3.63%, max 3.63%; stalled 0 us (0 us/s)")
                .contains("sched_ext:  enabled at the start, enabled at the end; ran simple; 0 enabled in the window")
                .containsPattern("SCX_EV_REFILL_SLICE_DFL\\s+0\\s+0\\.0")
                .containsPattern("overhead:   \\d+\\.\\d{3}% of one CPU");
    }

    @Test
    void aKernelWithoutSchedstatsOrSchedExtIsSaidSo() {
        Result result = run(
                reading(CliFixture.monitorCapture("host"), temp.resolve("no-sched_ext")), "monitor", "--duration", "1");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("schedstat:  none (no /proc/schedstat: the kernel was built without CONFIG_SCHEDSTATS)")
                .contains("sched_ext:  not supported by this kernel")
                .doesNotContain("RUNNING ms/s");
    }

    @Test
    void anIntervalUnder100MillisecondsExitsTwo() {
        Result result = run(lab(), "monitor", "--interval", "50");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--interval takes milliseconds, 100 or more, not 50");
    }

    @Test
    void aDurationUnderOneSecondExitsTwo() {
        Result result = run(lab(), "monitor", "--duration", "0");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--duration takes whole seconds, 1 or more, not 0");
        assertThat(run(lab(), "monitor", "--duration", "soon").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDamagedProcFileExitsTenNamingTheFileAndLine() throws IOException {
        Path proc = copyOfLab();
        Files.copy(
                CliFixture.monitorCapture("broken").resolve("stat-malformed"),
                proc.resolve("stat"),
                StandardCopyOption.REPLACE_EXISTING);

        Result result = run(reading(proc, temp.resolve("no-sched_ext")), "monitor", "--duration", "1");

        assertThat(result.code()).isEqualTo(ExitCodes.IO);
        assertThat(result.err())
                .contains(proc.resolve("stat") + " line 2")
                .contains("'6x4' where a count belongs")
                .doesNotContain("Exception");
    }

    @Test
    void anUnknownSchedstatVersionExitsFour() throws IOException {
        Path proc = copyOfLab();
        Files.copy(
                CliFixture.monitorCapture("broken").resolve("schedstat-version-18"),
                proc.resolve("schedstat"),
                StandardCopyOption.REPLACE_EXISTING);

        Result result = run(reading(proc, temp.resolve("no-sched_ext")), "monitor", "--duration", "1");

        assertThat(result.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).contains("is schedstat version 18, and schedcp reads versions 15, 16 and 17 only");
    }

    @Test
    void theLiveLineShowsTheBusiestCpuMemoryPressureAndTheScheduler() {
        MonitorSample sample = new MonitorSample(
                Instant.EPOCH,
                2.0,
                22.5,
                Map.of(0, 40.0, 1, 5.0),
                new MemInfo(1000, 100, 500, 0, 0),
                50.0,
                Map.of(0, new CpuCounters(1, 500_000_000, 3)),
                Optional.of(new MonitorSample.PressureChange(4.5, 10)),
                new SchedExtState(true, "enabled", Optional.of("simple"), 1, 0, true, Map.of()),
                Map.of());

        assertThat(MonitorCommand.LiveLine.of(sample))
                .isEqualTo(
                        "cpu  22.5% (busiest cpu0 40.0%)  mem  50.0%  psi 4.50%  waiting 0.25 s/s  sched_ext enabled simple");
    }

    @Test
    void helpListsTheCommand() {
        assertThat(run(lab(), "--help").out()).contains("monitor");
        assertThat(run(lab(), "monitor", "--help").out())
                .contains("--duration", "--interval", "Ctrl-C", "SCHEDCP_PROC_DIR");
    }

    private Path copyOfLab() throws IOException {
        Path proc = Files.createDirectories(temp.resolve("proc"));
        Path lab = CliFixture.monitorCapture("lab");
        for (String file : new String[] {"stat", "meminfo", "schedstat"}) {
            Files.copy(lab.resolve(file), proc.resolve(file));
        }
        return proc;
    }
}
