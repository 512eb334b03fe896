package io.schedcp.slo.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupCountersTest {

    @Test
    void theMissRatioIsMissesOverRunsAndZeroBeforeAnyRun() {
        assertThat(counters(200, 3, 0, 0).missRatio()).isEqualTo(0.015);
        assertThat(GroupCounters.ZERO.missRatio()).isZero();
    }

    @Test
    void theMeanLatenessIsOverTheMissesAndZeroBeforeAnyMiss() {
        assertThat(new GroupCounters(10, 4, 1_000, 600, 0, 0, 0, LatencyHistogram.empty()).meanLatenessNs())
                .isEqualTo(250);
        assertThat(counters(10, 0, 0, 0).meanLatenessNs()).isZero();
    }

    @Test
    void theGrowthSinceAnEarlierReadingIsEachCountersDifference() {
        GroupCounters earlier = new GroupCounters(100, 2, 500, 300, 1_000, 1, 5, histogram(3, 100));
        GroupCounters later = new GroupCounters(150, 5, 2_000, 900, 4_000, 1, 7, histogram(3, 150));

        GroupCounters growth = later.since(earlier);

        assertThat(growth).isEqualTo(new GroupCounters(50, 3, 1_500, 900, 3_000, 0, 2, histogram(3, 50)));
    }

    @Test
    void aCounterThatWentBackMeansTheSlotWasResetAndTheReadingIsAllGrowth() {
        GroupCounters beforeReset = counters(100, 2, 1_000, 0);
        GroupCounters afterReset = counters(7, 0, 50, 0);

        assertThat(afterReset.since(beforeReset)).isEqualTo(afterReset);
    }

    @Test
    void addingCpusSumsTheCountsAndKeepsTheLargerMaximum() {
        GroupCounters cpu0 = new GroupCounters(1, 1, 10, 10, 5, 0, 0, histogram(2, 1));
        GroupCounters cpu1 = new GroupCounters(2, 1, 30, 30, 5, 1, 1, histogram(2, 2));

        assertThat(cpu0.plus(cpu1)).isEqualTo(new GroupCounters(3, 2, 40, 30, 10, 1, 1, histogram(2, 3)));
    }

    private static GroupCounters counters(long runs, long misses, long cpuNs, long throttled) {
        return new GroupCounters(runs, misses, 0, 0, cpuNs, 0, throttled, histogram(4, runs));
    }

    private static LatencyHistogram histogram(int bucket, long count) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        counts[bucket] = count;
        return LatencyHistogram.of(counts);
    }
}
