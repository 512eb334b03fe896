package io.schedcp.slo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.slo.stats.StatusBuilder.Group;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StatusBuilderTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    private static final Group LAT = new Group("lat", 4242L, 1, 2_000_000L);

    @Test
    void givesEachGroupItsCountsPercentilesAndCpuShareOverTheInterval() {
        GroupCounters before = new GroupCounters(100, 1, 1_000_000, 1_000_000, SECOND / 2, 0, 0, histogram(20, 100));
        GroupCounters after = new GroupCounters(1_000, 10, 9_000_000, 3_000_000, SECOND, 2, 4, histogram(20, 1_000));
        RecentMisses misses = new RecentMisses(8);
        misses.add(4242L, 77, 1, 3_000_000L, 123L);

        SloStatus status = StatusBuilder.status(
                reading(SECOND * 11, List.of(GroupCounters.ZERO, after)),
                Optional.of(reading(SECOND * 10, List.of(GroupCounters.ZERO, before))),
                2,
                20_000_000L,
                List.of(LAT),
                misses);

        GroupStatus lat = status.groups().get(0);
        assertThat(lat.cgroup()).contains("lat");
        assertThat(lat.cgroupId()).isEqualTo(4242L);
        assertThat(lat.slot()).isEqualTo(1);
        assertThat(lat.budgetNs()).isEqualTo(2_000_000L);
        assertThat(lat.runs()).isEqualTo(1_000);
        assertThat(lat.misses()).isEqualTo(10);
        assertThat(lat.missRatio()).isEqualTo(0.01);
        assertThat(lat.wakeToRun()).isEqualTo(LatencyPercentiles.of(after.wakeToRun()));
        assertThat(lat.meanLatenessNs()).isEqualTo(900_000);
        assertThat(lat.maxLatenessNs()).isEqualTo(3_000_000);
        // Half a CPU-second over one second of two CPUs.
        assertThat(lat.cpuShare().orElseThrow()).isCloseTo(0.25, within(1e-9));
        assertThat(lat.droppedEvents()).isEqualTo(2);
        assertThat(lat.throttled()).isEqualTo(4);
        assertThat(status.intervalNs()).isEqualTo(SECOND);
        assertThat(status.recentMisses()).containsExactly(new MissEvent(4242L, 77, 1, 3_000_000L, 123L));
        assertThat(status.takenAt()).isEqualTo(NOW);
    }

    @Test
    void theUnconfiguredTasksAreSlotZeroWithTheDefaultBudget() {
        GroupCounters unconfigured = new GroupCounters(50, 0, 0, 0, 0, 0, 0, histogram(12, 50));

        SloStatus status = StatusBuilder.status(
                reading(SECOND, List.of(unconfigured)),
                Optional.empty(),
                2,
                20_000_000L,
                List.of(),
                new RecentMisses(1));

        assertThat(status.unconfigured().cgroup()).isEmpty();
        assertThat(status.unconfigured().slot()).isZero();
        assertThat(status.unconfigured().budgetNs()).isEqualTo(20_000_000L);
        assertThat(status.unconfigured().runs()).isEqualTo(50);
        assertThat(status.groups()).isEmpty();
    }

    @Test
    void aSingleReadingHasNoCpuShareAndAGroupWithoutRunsNoPercentiles() {
        SloStatus status = StatusBuilder.status(
                reading(SECOND, List.of(GroupCounters.ZERO, GroupCounters.ZERO)),
                Optional.empty(),
                2,
                20_000_000L,
                List.of(LAT),
                new RecentMisses(1));

        GroupStatus lat = status.groups().get(0);
        assertThat(lat.cpuShare()).isEqualTo(OptionalDouble.empty());
        assertThat(lat.wakeToRun()).isEmpty();
        assertThat(lat.missRatio()).isZero();
        assertThat(status.intervalNs()).isZero();
    }

    @Test
    void theCpuShareOfASlotResetInTheIntervalCountsFromTheReset() {
        GroupCounters formerGroup = new GroupCounters(100, 0, 0, 0, 3 * SECOND, 0, 0, histogram(5, 100));
        GroupCounters newGroup = new GroupCounters(4, 0, 0, 0, SECOND / 10, 0, 0, histogram(5, 4));

        SloStatus status = StatusBuilder.status(
                reading(2 * SECOND, List.of(GroupCounters.ZERO, newGroup)),
                Optional.of(reading(SECOND, List.of(GroupCounters.ZERO, formerGroup))),
                1,
                20_000_000L,
                List.of(LAT),
                new RecentMisses(1));

        assertThat(status.groups().get(0).cpuShare().orElseThrow()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void theCpuShareIsCpuTimeOverTheIntervalTimesTheCpus() {
        assertThat(CpuShare.of(SECOND, SECOND, 2).orElseThrow()).isEqualTo(0.5);
        assertThat(CpuShare.of(3 * SECOND, 2 * SECOND, 4).orElseThrow()).isEqualTo(0.375);
        assertThat(CpuShare.of(SECOND, 0, 2)).isEmpty();
        assertThatThrownBy(() -> CpuShare.of(SECOND, SECOND, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static StatsReading reading(long monotonicNs, List<GroupCounters> slots) {
        return new StatsReading(NOW, monotonicNs, new ArrayList<>(slots));
    }

    private static LatencyHistogram histogram(int bucket, long count) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        counts[bucket] = count;
        return LatencyHistogram.of(counts);
    }
}
