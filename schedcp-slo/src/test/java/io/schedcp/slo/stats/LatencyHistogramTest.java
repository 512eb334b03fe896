package io.schedcp.slo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyHistogramTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "1, 0",
        "2, 1",
        "3, 1",
        "1023, 9",
        "1024, 10",
        "2000000, 20",
        "9223372036854775807, 62",
        "-1, 63"
    })
    void bucketsALatencyAsTheBpfSidesLog2Does(long ns, int bucket) {
        assertThat(LatencyHistogram.bucketOf(ns)).isEqualTo(bucket);
    }

    @Test
    void aBucketSpansFromItsPowerOfTwoToTheNextAndTheFirstFromZero() {
        assertThat(LatencyHistogram.lowerBoundNs(0)).isZero();
        assertThat(LatencyHistogram.upperBoundNs(0)).isEqualTo(2);
        assertThat(LatencyHistogram.lowerBoundNs(10)).isEqualTo(1024);
        assertThat(LatencyHistogram.upperBoundNs(10)).isEqualTo(2048);
        assertThat(LatencyHistogram.upperBoundNs(63)).isEqualTo(Math.pow(2, 64));
    }

    @Test
    void interpolatesWithinTheBucketThatHoldsThePercentile() {
        LatencyHistogram all = histogram(sample(10, 100));

        // Rank q·100 of 100 latencies spread over [1024, 2048): 1024 + 1024·q.
        assertThat(all.percentileNs(0.5)).hasValue(1536);
        assertThat(all.percentileNs(0.99)).hasValue(Math.round(1024 + 1024 * 0.99));
        assertThat(all.percentileNs(0.999)).hasValue(Math.round(1024 + 1024 * 0.999));
    }

    @Test
    void aTailOfSlowWakeUpsShowsAtP999AndNotAtP50() {
        LatencyHistogram counts = histogram(sample(5, 990), sample(20, 10));

        assertThat(counts.percentileNs(0.5)).hasValue(Math.round(32 + 32 * 500 / 990.0));
        assertThat(counts.percentileNs(0.99)).hasValue(64);
        assertThat(counts.percentileNs(0.999)).hasValue(Math.round((1 << 20) + (1 << 20) * 9 / 10.0));
    }

    @Test
    void zeroLatenciesCountInTheFirstBucket() {
        LatencyHistogram zeros = histogram(sample(0, 10));

        assertThat(zeros.percentileNs(0.5)).hasValue(1);
        assertThat(zeros.percentileNs(0.99)).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 0.99, 0.999})
    void onAnEvenSpreadThePercentileIsWithinOneBucketOfTheTrueOne(double q) {
        LatencyHistogram counts = bucketed(LongStream.rangeClosed(1, 100_000));
        long truth = Math.round(q * 100_000);

        long estimate = counts.percentileNs(q).orElseThrow();

        assertThat((double) Math.abs(estimate - truth))
                .isLessThanOrEqualTo(LatencyHistogram.lowerBoundNs(LatencyHistogram.bucketOf(truth)));
    }

    @Test
    void higherPercentilesAreNeverLower() {
        LatencyHistogram counts = bucketed(LongStream.iterate(1, ns -> ns * 3).limit(30));

        long p50 = counts.percentileNs(0.5).orElseThrow();
        long p99 = counts.percentileNs(0.99).orElseThrow();

        assertThat(p50)
                .isLessThanOrEqualTo(p99)
                .isLessThanOrEqualTo(counts.percentileNs(0.999).orElseThrow());
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        assertThat(LatencyHistogram.empty().percentileNs(0.5)).isEqualTo(OptionalLong.empty());
        assertThat(LatencyPercentiles.of(LatencyHistogram.empty())).isEmpty();
    }

    @Test
    void thePercentilesRecordHoldsP50P99AndP999() {
        LatencyHistogram all = histogram(sample(10, 100));

        assertThat(LatencyPercentiles.of(all))
                .contains(new LatencyPercentiles(
                        all.percentileNs(0.5).orElseThrow(),
                        all.percentileNs(0.99).orElseThrow(),
                        all.percentileNs(0.999).orElseThrow()));
    }

    @Test
    void histogramsAddAndSubtractBucketByBucket() {
        LatencyHistogram earlier = histogram(sample(3, 4));
        LatencyHistogram later = histogram(sample(3, 6), sample(7, 2));

        assertThat(later.since(earlier)).isEqualTo(histogram(sample(3, 2), sample(7, 2)));
        assertThat(earlier.plus(later.since(earlier))).isEqualTo(later);
        assertThat(later.total()).isEqualTo(8);
    }

    @Test
    void refusesAQuantileOutsideZeroToOneAndAWrongBucketCount() {
        assertThatThrownBy(() -> LatencyHistogram.empty().percentileNs(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyHistogram.empty().percentileNs(1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyHistogram.of(new long[63])).isInstanceOf(IllegalArgumentException.class);
    }

    private record Sample(int bucket, long count) {}

    private static Sample sample(int bucket, long count) {
        return new Sample(bucket, count);
    }

    private static LatencyHistogram histogram(Sample... samples) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        for (Sample sample : samples) {
            counts[sample.bucket()] += sample.count();
        }
        return LatencyHistogram.of(counts);
    }

    /** The histogram the BPF side would count for these latencies. */
    private static LatencyHistogram bucketed(LongStream latencies) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        latencies.forEach(ns -> counts[LatencyHistogram.bucketOf(ns)]++);
        return LatencyHistogram.of(counts);
    }
}
