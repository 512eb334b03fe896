package io.schedcp.slo.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.slo.stats.GroupCounters;
import io.schedcp.slo.stats.LatencyHistogram;
import io.schedcp.slo.stats.MissEvent;
import io.schedcp.slo.stats.RecentMisses;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SloCodecsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesASloCfgFieldByFieldLittleEndian() {
        byte[] value = SloCfgCodec.value(2_000_000L, 10, 80, 3);

        assertThat(HEX.formatHex(value))
                .isEqualTo(
                        "80841e0000000000" // budget_ns 2,000,000 = 0x1e8480
                                + "0a000000" // importance 10
                                + "00000000" // flags
                                + "50000000" // max_cpu_pct 80
                                + "03000000"); // slot 3
    }

    @Test
    void refusesASlotOutsideOneTo256() {
        assertThatThrownBy(() -> SloCfgCodec.value(2_000_000L, 0, 100, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SloCfgCodec.value(2_000_000L, 0, 100, 257))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodesTheKeysAsTheirCTypes() {
        assertThat(HEX.formatHex(SloCfgCodec.cgroupKey(0x1234L))).isEqualTo("3412000000000000");
        assertThat(HEX.formatHex(SloCfgCodec.slotKey(257))).isEqualTo("01010000");
    }

    @Test
    void decodesOneCpusStats() {
        ByteBuffer value = stats(100, 3, 900, 500, 70_000, 1, 2, new long[] {5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 95});

        GroupCounters counters = SloStatsCodec.decode(value, 0);

        assertThat(counters)
                .isEqualTo(new GroupCounters(100, 3, 900, 500, 70_000, 1, 2, LatencyHistogram.of(histogram(new long[] {
                    5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 95
                }))));
    }

    @Test
    void readsLittleEndianWhateverTheBuffersOrder() {
        ByteBuffer value = stats(1, 0, 0, 0, 0, 0, 0, new long[0]).order(ByteOrder.BIG_ENDIAN);

        assertThat(SloStatsCodec.decode(value, 0).runs()).isEqualTo(1);
    }

    @Test
    void sumsThePerCpuValuesAndTakesTheLargestMaximum() {
        ByteBuffer cpu0 = stats(10, 1, 300, 300, 1_000, 0, 4, new long[] {1, 2});
        ByteBuffer cpu1 = stats(20, 2, 500, 400, 2_000, 3, 0, new long[] {0, 5, 7});
        byte[] perCpu = new byte[2 * SloLayout.STATS_SIZE];
        cpu0.get(0, perCpu, 0, SloLayout.STATS_SIZE);
        cpu1.get(0, perCpu, SloLayout.STATS_SIZE, SloLayout.STATS_SIZE);

        GroupCounters sum = SloStatsCodec.sumPerCpu(perCpu);

        assertThat(sum)
                .isEqualTo(new GroupCounters(
                        30, 3, 800, 400, 3_000, 3, 4, LatencyHistogram.of(histogram(new long[] {1, 7, 7}))));
    }

    @Test
    void refusesAPerCpuValueThatIsNotWholeValues() {
        assertThatThrownBy(() -> SloStatsCodec.sumPerCpu(new byte[SloLayout.STATS_SIZE + 8]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("576-byte values, not 584 bytes");
    }

    @Test
    void zerosForAResetCoverEveryCpu() {
        assertThat(SloStatsCodec.zeros(4)).hasSize(4 * 576).containsOnly(0);
    }

    @Test
    void decodesAMissEventInPlaceWithOneReusedView() {
        ByteBuffer ring = ByteBuffer.allocate(2 * SloLayout.EVENT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        ring.putLong(42L).putInt(1234).putInt(1).putLong(3_000_000L).putLong(99_000_000_000L);
        ring.putLong(43L).putInt(77).putInt(0).putLong(5L).putLong(99_500_000_000L);
        MissEventView view = new MissEventView();

        MissEvent first = view.wrap(ring.position(0)).toEvent();
        MissEvent second = view.wrap(ring.position(SloLayout.EVENT_SIZE)).toEvent();

        assertThat(first).isEqualTo(new MissEvent(42L, 1234, 1, 3_000_000L, 99_000_000_000L));
        assertThat(second).isEqualTo(new MissEvent(43L, 77, 0, 5L, 99_500_000_000L));
    }

    @Test
    void copiesAMissEventIntoTheRing() {
        ByteBuffer record = ByteBuffer.allocate(SloLayout.EVENT_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(42L)
                .putInt(1234)
                .putInt(1)
                .putLong(3_000_000L)
                .putLong(7L)
                .position(0);
        RecentMisses misses = new RecentMisses(4);

        new MissEventView().wrap(record).addTo(misses);

        assertThat(misses.latest()).containsExactly(new MissEvent(42L, 1234, 1, 3_000_000L, 7L));
    }

    @Test
    void refusesARecordShorterThanAnEvent() {
        assertThatThrownBy(() -> new MissEventView().wrap(ByteBuffer.allocate(31)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A slo_stats written field by field, as the C struct lays it out. */
    private static ByteBuffer stats(
            long runs,
            long misses,
            long totalLateness,
            long maxLateness,
            long cpuNs,
            long dropped,
            long throttled,
            long[] firstBuckets) {
        ByteBuffer value = ByteBuffer.allocate(SloLayout.STATS_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        value.putLong(runs)
                .putLong(misses)
                .putLong(totalLateness)
                .putLong(maxLateness)
                .putLong(cpuNs)
                .putLong(dropped)
                .putLong(throttled)
                .putLong(0xdeadL);
        for (long count : histogram(firstBuckets)) {
            value.putLong(count);
        }
        return value.position(0);
    }

    private static long[] histogram(long[] firstBuckets) {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        System.arraycopy(firstBuckets, 0, counts, 0, firstBuckets.length);
        return counts;
    }
}
