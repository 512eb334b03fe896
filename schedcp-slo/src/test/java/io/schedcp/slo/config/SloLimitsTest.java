package io.schedcp.slo.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SloLimitsTest {

    @Test
    void aBudgetInMillisecondsBecomesWholeNanosecondsRounded() {
        assertThat(SloLimits.budgetNs(new BigDecimal("1.5"))).hasValue(1_500_000L);
        assertThat(SloLimits.budgetNs(new BigDecimal("2.0000004"))).hasValue(2_000_000L);
        assertThat(SloLimits.budgetNs(new BigDecimal("2.0000005"))).hasValue(2_000_001L);
    }

    @Test
    void theRangeEndsAreInsideAndBeyondThemIsEmpty() {
        assertThat(SloLimits.budgetNs(new BigDecimal("0.01"))).hasValue(SloLimits.MIN_BUDGET_NS);
        assertThat(SloLimits.budgetNs(new BigDecimal("10000"))).hasValue(SloLimits.MAX_BUDGET_NS);
        assertThat(SloLimits.budgetNs(new BigDecimal("0.0099"))).isEmpty();
        assertThat(SloLimits.budgetNs(new BigDecimal("10000.001"))).isEmpty();
        assertThat(SloLimits.budgetNs(new BigDecimal("-1"))).isEmpty();
        assertThat(SloLimits.budgetRangeMs()).isEqualTo("0.01 to 10000 ms");
    }

    @Test
    void withinIncludesBothEnds() {
        assertThat(SloLimits.within(1, 1, 100)).isTrue();
        assertThat(SloLimits.within(100, 1, 100)).isTrue();
        assertThat(SloLimits.within(0, 1, 100)).isFalse();
        assertThat(SloLimits.within(101, 1, 100)).isFalse();
    }
}
