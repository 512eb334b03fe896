package io.schedcp.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.schedcp.api.SchedExtState;
import io.schedcp.core.monitor.MonitorSummary.Counter;
import io.schedcp.core.monitor.MonitorSummary.Gauge;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary of a scripted window of four readings, 0, 1, 2 and 4 s in, so three samples of 1, 1 and 2 s:
 * the means are weighted by length, the counters summed and divided by the window's 4 s.
 */
class MonitorWindowTest {

    private static final SchedExtState IDLE =
            new SchedExtState(true, "disabled", Optional.empty(), 0, 0, false, Map.of());

    private static SchedExtState simple(long keepLast) {
        return new SchedExtState(
                true, "enabled", Optional.of("simple"), 1, 0, true, Map.of("SCX_EV_DISPATCH_KEEP_LAST", keepLast));
    }

    /** cpu: 30, 50, 75 %; cpu0: 50, 100, 50; cpu1: 10, 0, 100; memory used: 20, 40, 30 %; psi avg10: 2, 4, 3. */
    private static MonitorWindow scriptedWindow() {
        MonitorWindow window = new MonitorWindow(
                Snapshots.at(0)
                        .cpu(0, 0, 0)
                        .cpu(1, 0, 0)
                        .available(1000, 900)
                        .schedStat(0, 0, 0, 0)
                        .schedStat(1, 0, 0, 0)
                        .pressure(1.0, 0)
                        .schedExt(IDLE)
                        .build(),
                Duration.ofSeconds(1));
        window.add(Snapshots.at(1)
                .cpu(0, 50, 50)
                .cpu(1, 10, 90)
                .available(1000, 800)
                .schedStat(0, 500_000_000, 100_000_000, 10)
                .schedStat(1, 100_000_000, 0, 5)
                .pressure(2.0, 1000)
                .schedExt(IDLE)
                .build());
        window.add(Snapshots.at(2)
                .cpu(0, 150, 50)
                .cpu(1, 10, 190)
                .available(1000, 600)
                .schedStat(0, 1_400_000_000, 400_000_000, 40)
                .schedStat(1, 100_000_000, 0, 5)
                .pressure(4.0, 4000)
                .schedExt(simple(10))
                .build());
        window.add(Snapshots.at(4)
                .cpu(0, 250, 150)
                .cpu(1, 210, 190)
                .available(1000, 700)
                .schedStat(0, 2_000_000_000, 400_000_000, 60)
                .schedStat(1, 300_000_000, 200_000_000, 25)
                .pressure(3.0, 6000)
                .schedExt(simple(25))
                .build());
        return window;
    }

    @Test
    void theWindowRunsFromTheFirstReadingToTheLast() {
        MonitorSummary summary = scriptedWindow().summary(0);

        assertThat(summary.start()).isEqualTo(Snapshots.EPOCH);
        assertThat(summary.end()).isEqualTo(Snapshots.EPOCH.plusSeconds(4));
        assertThat(summary.seconds()).isEqualTo(4.0);
        assertThat(summary.sampleCount()).isEqualTo(3);
        assertThat(summary.intervalMillis()).isEqualTo(1000);
    }

    @Test
    void gaugesHaveTheirMinimumMaximumAndLengthWeightedMean() {
        MonitorSummary summary = scriptedWindow().summary(0);

        assertGauge(summary.cpuPercent(), 30, (30 + 50 + 75 * 2) / 4.0, 75);
        assertGauge(summary.cpuPercentByCpu().get(0), 50, (50 + 100 + 50 * 2) / 4.0, 100);
        assertGauge(summary.cpuPercentByCpu().get(1), 0, (10 + 0 + 100 * 2) / 4.0, 100);
        assertGauge(summary.memory().usedPercent(), 20, (20 + 40 + 30 * 2) / 4.0, 40);
        assertThat(summary.memory().totalKb()).isEqualTo(1000);
        assertGauge(summary.pressure().orElseThrow().someAvg10(), 2, (2 + 4 + 3 * 2) / 4.0, 4);
    }

    @Test
    void countersHaveTheirGrowthAndRateOverTheWindow() {
        MonitorSummary summary = scriptedWindow().summary(0);

        MonitorSummary.SchedStats schedStat = summary.schedStat().orElseThrow();
        assertThat(schedStat.version()).isEqualTo(17);
        assertThat(schedStat.byCpu().get(0).runningNs()).isEqualTo(new Counter(2_000_000_000, 500_000_000));
        assertThat(schedStat.byCpu().get(1).waitingNs()).isEqualTo(new Counter(200_000_000, 50_000_000));
        assertThat(schedStat.all().runningNs()).isEqualTo(new Counter(2_300_000_000L, 575_000_000));
        assertThat(schedStat.all().waitingNs()).isEqualTo(new Counter(600_000_000, 150_000_000));
        assertThat(schedStat.all().timeslices()).isEqualTo(new Counter(85, 21.25));
        assertThat(summary.pressure().orElseThrow().someTotalUs()).isEqualTo(new Counter(6000, 1500));
    }

    @Test
    void schedExtEventsCountFromTheSchedulerThatWasEnabledInTheWindow() {
        MonitorSummary.SchedExt schedExt = scriptedWindow().summary(0).schedExt();

        assertThat(schedExt.supported()).isTrue();
        assertThat(schedExt.stateAtStart()).isEqualTo("disabled");
        assertThat(schedExt.stateAtEnd()).isEqualTo("enabled");
        assertThat(schedExt.opsSeen()).containsExactly("simple");
        assertThat(schedExt.enables()).isEqualTo(1);
        assertThat(schedExt.events()).containsExactly(Map.entry("SCX_EV_DISPATCH_KEEP_LAST", new Counter(25, 6.25)));
    }

    @Test
    void overheadIsTheMonitorsCpuTimeAsAShareOfOneCpu() {
        assertThat(scriptedWindow().summary(40_000_000).overheadCpuPercent()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aWindowWithoutSamplesSaysSoWithZeroes() {
        MonitorWindow window =
                new MonitorWindow(Snapshots.at(0).cpu(0, 0, 0).pressure(1.0, 0).build(), Duration.ofSeconds(1));

        MonitorSummary summary = window.summary(1_000_000);

        assertThat(summary.sampleCount()).isZero();
        assertThat(summary.seconds()).isZero();
        assertThat(summary.cpuPercent()).isEqualTo(new Gauge(0, 0, 0));
        assertThat(summary.overheadCpuPercent()).isZero();
        assertThat(summary.schedStat()).isEmpty();
        assertThat(summary.schedExt().supported()).isFalse();
        assertThat(summary.schedExt().stateAtStart()).isEqualTo("unsupported");
    }

    @Test
    void theSummaryWritesAsSnakeCaseJsonAndReadsBack() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
                .build();
        MonitorSummary summary = scriptedWindow().summary(40_000_000);

        String json = mapper.writeValueAsString(summary);
        JsonNode tree = mapper.readTree(json);

        assertThat(tree.get("overhead_cpu_percent").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(tree.get("sample_count").asInt()).isEqualTo(3);
        assertThat(tree.get("start").asString()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(tree.get("cpu_percent_by_cpu").get("1").get("max").asDouble())
                .isEqualTo(100.0);
        assertThat(tree.get("sched_stat")
                        .get("all")
                        .get("timeslices")
                        .get("per_second")
                        .asDouble())
                .isEqualTo(21.25);
        assertThat(tree.get("sched_ext")
                        .get("events")
                        .get("SCX_EV_DISPATCH_KEEP_LAST")
                        .get("total")
                        .asLong())
                .isEqualTo(25);
        assertThat(mapper.readValue(json, MonitorSummary.class)).isEqualTo(summary);
        MonitorSummary bare = new MonitorWindow(Snapshots.at(0).cpu(0, 0, 0).build(), Duration.ofSeconds(1)).summary(0);
        String bareJson = mapper.writeValueAsString(bare);
        assertThat(mapper.readTree(bareJson).has("sched_stat")).isFalse();
        assertThat(mapper.readValue(bareJson, MonitorSummary.class)).isEqualTo(bare);
    }

    private static void assertGauge(Gauge gauge, double min, double avg, double max) {
        assertThat(gauge.min()).as("min").isCloseTo(min, within(1e-9));
        assertThat(gauge.avg()).as("avg").isCloseTo(avg, within(1e-9));
        assertThat(gauge.max()).as("max").isCloseTo(max, within(1e-9));
    }
}
