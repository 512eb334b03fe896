package io.schedcp.daemon.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    @Test
    void theBackoffDoublesFromTheInitialToTheMaximumAndStaysThere() {
        RestartPolicy policy = new RestartPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(IntStream.rangeClosed(1, 8).mapToObj(policy::backoff).map(Duration::toMillis))
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L, 1000L);
    }

    @Test
    void theDefaultWaitsOneSecondFirstAndThirtyAtMost() {
        assertThat(RestartPolicy.DEFAULT.maxRestarts()).isEqualTo(5);
        assertThat(RestartPolicy.DEFAULT.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RestartPolicy.DEFAULT.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(RestartPolicy.DEFAULT.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RestartPolicy.DEFAULT.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFixedBackoffNeverGrows() {
        RestartPolicy policy = new RestartPolicy(3, Duration.ofMillis(50), Duration.ofMillis(50));

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void aZeroInitialBackoffRestartsAtOnceEveryTime() {
        RestartPolicy policy = new RestartPolicy(3, Duration.ZERO, Duration.ofSeconds(30));

        assertThat(policy.backoff(1)).isZero();
        assertThat(policy.backoff(3)).isZero();
    }

    @Test
    void aMaximumNearDurationsOwnDoesNotOverflow() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        RestartPolicy policy = new RestartPolicy(100, Duration.ofSeconds(1), huge);

        assertThat(policy.backoff(10)).isEqualTo(Duration.ofSeconds(512));
        assertThat(policy.backoff(100)).isEqualTo(huge);
    }

    @Test
    void zeroRestartsIsAllowed() {
        assertThat(new RestartPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)).maxRestarts())
                .isZero();
    }

    @Test
    void negativeRestartsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> new RestartPolicy(-1, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void aNegativeInitialBackoffIsRefused() {
        assertThatThrownBy(() -> new RestartPolicy(5, Duration.ofMillis(-1), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 ms");
    }

    @Test
    void aMaximumBelowTheInitialBackoffIsRefused() {
        assertThatThrownBy(() -> new RestartPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2000 ms to 1000 ms");
    }

    @Test
    void missingBackoffsAreRefused() {
        assertThatThrownBy(() -> new RestartPolicy(5, null, Duration.ofSeconds(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> new RestartPolicy(5, Duration.ofSeconds(1), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("maxBackoff");
    }

    @Test
    void restartsAreNumberedFromOne() {
        assertThatThrownBy(() -> RestartPolicy.DEFAULT.backoff(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1, not 0");
    }
}
