package io.schedcp.slo.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentMissesTest {

    @Test
    void holdsTheLatestMissesNewestFirst() {
        RecentMisses misses = new RecentMisses(3);

        for (int pid = 1; pid <= 5; pid++) {
            misses.add(40L + pid, pid, pid % 2, pid * 1_000L, pid * 10L);
        }

        assertThat(misses.latest())
                .containsExactly(
                        new MissEvent(45L, 5, 1, 5_000L, 50L),
                        new MissEvent(44L, 4, 0, 4_000L, 40L),
                        new MissEvent(43L, 3, 1, 3_000L, 30L));
        assertThat(misses.received()).isEqualTo(5);
    }

    @Test
    void holdsFewerWhileNotFull() {
        RecentMisses misses = new RecentMisses(3);
        misses.add(1L, 2, 0, 3L, 4L);

        assertThat(misses.latest()).containsExactly(new MissEvent(1L, 2, 0, 3L, 4L));
        assertThat(new RecentMisses(3).latest()).isEmpty();
    }

    @Test
    void refusesARingOfNothing() {
        assertThatThrownBy(() -> new RecentMisses(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
