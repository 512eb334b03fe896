package io.schedcp.userspace.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RttHistogramTest {

    @Test
    void everyValueFallsInsideTheBoundsOfItsBucket() {
        long[] values = {0, 1, 3, 4, 5, 7, 8, 1_000, 1_023, 1_024, 65_535, 3_000_000, Long.MAX_VALUE};
        for (long v : values) {
            int b = RttHistogram.bucketOf(v);
            assertThat(RttHistogram.lowerBound(b)).as("lower bound of %d", v).isLessThanOrEqualTo(v);
            if (v != Long.MAX_VALUE) {
                assertThat(RttHistogram.upperBound(b))
                        .as("upper bound of %d", v)
                        .isGreaterThan(v);
            }
        }
    }

    @Test
    void bucketsFollowOneAnotherWithoutGapsOrOverlaps() {
        for (int i = 0; i < 240; i++) {
            assertThat(RttHistogram.upperBound(i)).as("bucket %d", i).isEqualTo(RttHistogram.lowerBound(i + 1));
            assertThat(RttHistogram.bucketOf(RttHistogram.lowerBound(i))).isEqualTo(i);
        }
    }

    @Test
    void aQuantileIsTheMiddleOfTheBucketThatHoldsIt() {
        long[] counts = new long[RttHistogram.BUCKETS];
        counts[RttHistogram.bucketOf(1_000)] = 99;
        counts[RttHistogram.bucketOf(1_000_000)] = 1;
        RttHistogram rtt = new RttHistogram(counts);

        assertThat(rtt.total()).isEqualTo(100);
        assertThat(rtt.quantileNs(0.5)).isBetween(896L, 1_023L);
        assertThat(rtt.quantileNs(0.99)).isBetween(896L, 1_023L);
        assertThat(rtt.quantileNs(1.0)).isBetween(917_504L, 1_048_575L);
    }

    @Test
    void anEmptyHistogramHasZeroQuantilesAndABadQuantileIsRefused() {
        RttHistogram empty = new RttHistogram(new long[0]);

        assertThat(empty.quantileNs(0.99)).isZero();
        assertThatThrownBy(() -> empty.quantileNs(0)).hasMessageContaining("above 0");
    }

    @Test
    void countersComeInBpfsOrder() {
        UserspaceCounters c = UserspaceCounters.of(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

        assertThat(c.queued()).isEqualTo(1);
        assertThat(c.fallback()).isEqualTo(3);
        assertThat(c.ringFull()).isEqualTo(9);
        assertThatThrownBy(() -> UserspaceCounters.of(new long[3])).hasMessageContaining("9 counters");
    }
}
