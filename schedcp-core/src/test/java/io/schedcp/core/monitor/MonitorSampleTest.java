package io.schedcp.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.api.SchedExtState;
import io.schedcp.core.monitor.SchedStat.CpuCounters;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The figures of one interval, between two readings of the captured files (see the fixtures' README.md). */
class MonitorSampleTest {

    private final SystemSnapshot lab =
            Snapshots.retimed(new SystemReader(Fixtures.dir("lab"), Fixtures.dir("sched_ext")).read(), 10);
    private final SystemSnapshot labLater =
            Snapshots.retimed(new SystemReader(Fixtures.dir("lab-later"), Fixtures.dir("sched_ext-later")).read(), 11);

    @Test
    void theReaderTakesEveryFileOfTheLabCapture() {
        assertThat(lab.stat().cpus()).hasSize(2);
        assertThat(lab.memory().totalKb()).isEqualTo(2014768);
        assertThat(lab.schedStat()).isPresent();
        assertThat(lab.pressure()).isPresent();
        assertThat(lab.schedExt().isEnabled()).isTrue();
        assertThat(lab.schedExt().ops()).contains("simple");
        assertThat(lab.schedExt().events()).hasSize(21).containsEntry("SCX_EV_DISPATCH_KEEP_LAST", 23L);
    }

    @Test
    void aHostWithoutSchedstatsOrSchedExtStillGivesASnapshot() {
        SystemSnapshot host =
                new SystemReader(Fixtures.dir("host"), Fixtures.dir("host").resolve("no-sched_ext")).read();

        assertThat(host.schedStat()).isEmpty();
        assertThat(host.pressure()).isPresent();
        assertThat(host.schedExt().supported()).isFalse();
    }

    @Test
    void cpuSharesAreTheBusyTicksOfTheInterval() {
        MonitorSample sample = MonitorSample.between(lab, labLater);

        assertThat(sample.seconds()).isEqualTo(1.0);
        assertThat(sample.time()).isEqualTo(labLater.time());
        assertThat(sample.cpuPercent()).isCloseTo(22.5, within(1e-9));
        assertThat(sample.cpuPercentByCpu().get(0)).isCloseTo(40.0, within(1e-9));
        assertThat(sample.cpuPercentByCpu().get(1)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void memoryIsReadAtTheEndOfTheInterval() {
        MonitorSample sample = MonitorSample.between(lab, labLater);

        assertThat(sample.memory().availableKb()).isEqualTo(1007384);
        assertThat(sample.memoryUsedPercent()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void schedstatCountersAreTheirGrowth() {
        MonitorSample sample = MonitorSample.between(lab, labLater);

        assertThat(sample.schedStat())
                .containsExactly(
                        entry(0, new CpuCounters(400_000_000, 50_000_000, 120)),
                        entry(1, new CpuCounters(50_000_000, 10_000_000, 30)));
        assertThat(sample.schedStatAll()).isEqualTo(new CpuCounters(450_000_000, 60_000_000, 150));
    }

    @Test
    void pressureIsTheLastAverageAndTheGrowthOfTheTotal() {
        MonitorSample sample = MonitorSample.between(lab, labLater);

        assertThat(sample.pressure()).contains(new MonitorSample.PressureChange(4.50, 250_000));
    }

    @Test
    void schedExtEventsAreTheirGrowthUnderTheSameScheduler() {
        MonitorSample sample = MonitorSample.between(lab, labLater);

        assertThat(sample.schedExtEvents())
                .hasSize(21)
                .containsEntry("SCX_EV_DISPATCH_KEEP_LAST", 7L)
                .containsEntry("SCX_EV_ENQ_SKIP_EXITING", 5L)
                .containsEntry("SCX_EV_REFILL_SLICE_DFL", 100L)
                .containsEntry("SCX_EV_BYPASS_DURATION", 0L);
    }

    @Test
    void aSchedulerEnabledInTheIntervalCountsAllItsEvents() {
        SchedExtState before = new SchedExtState(
                true, "enabled", Optional.of("simple"), 1, 0, true, Map.of("SCX_EV_DISPATCH_KEEP_LAST", 10L));
        SchedExtState after = new SchedExtState(
                true, "enabled", Optional.of("simple"), 2, 0, true, Map.of("SCX_EV_DISPATCH_KEEP_LAST", 40L));

        MonitorSample sample = MonitorSample.between(
                Snapshots.at(0).schedExt(before).build(),
                Snapshots.at(1).schedExt(after).build());

        assertThat(sample.schedExtEvents()).containsExactly(entry("SCX_EV_DISPATCH_KEEP_LAST", 40L));
    }

    @Test
    void aCpuInOnlyOneReadingIsLeftOut() {
        MonitorSample sample = MonitorSample.between(
                Snapshots.at(0)
                        .cpu(0, 0, 0)
                        .cpu(1, 0, 0)
                        .schedStat(0, 0, 0, 0)
                        .schedStat(1, 0, 0, 0)
                        .build(),
                Snapshots.at(1)
                        .cpu(0, 30, 70)
                        .cpu(2, 100, 0)
                        .schedStat(0, 10, 20, 30)
                        .schedStat(2, 1, 1, 1)
                        .build());

        assertThat(sample.cpuPercentByCpu()).containsOnlyKeys(0);
        assertThat(sample.schedStat()).containsOnlyKeys(0);
    }
}
