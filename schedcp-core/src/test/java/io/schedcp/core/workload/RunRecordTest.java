package io.schedcp.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunRecordTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private static void assertInvalid(Runnable construction, String message) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining(message);
    }

    @Test
    void aMetricThatIsNotAFiniteNumberIsRefusedByName() {
        RunRecord run = RunRecord.of("scx_rusty", START, "");

        assertInvalid(
                () -> run.withMetrics(Map.of("wall_time_s", Double.NaN)),
                "metric wall_time_s is NaN; a metric must be a finite number");
        assertInvalid(() -> run.withMetrics(Map.of(" ", 1.0)), "a metric needs a name");
    }

    @Test
    void aRunCannotEndBeforeItStarted() {
        assertInvalid(
                () -> RunRecord.of("scx_rusty", START, "").withEndedAt(START.minusSeconds(1)),
                "cannot end (2026-11-22T09:59:59Z) before it started (2026-11-22T10:00:00Z)");
    }

    @Test
    void aRunNeedsItsSchedulerAndAFailureItsReason() {
        assertInvalid(() -> RunRecord.of(" ", START, ""), "a run needs the scheduler it ran");
        assertInvalid(() -> RunOutcome.failed(""), "a failed run needs a reason");
    }

    @Test
    @SuppressWarnings("NullOptional") // a null is what this test is about
    void aNullMonitorSummaryIsNoSummary() {
        RunRecord run = new RunRecord(
                "scx_rusty", List.of(), Optional.empty(), START, Optional.empty(), null, "", Map.of(), RunOutcome.ok());

        assertThat(run.monitorSummary()).isEmpty();
    }

    @Test
    void outcomesSayWhetherTheRunSucceeded() {
        assertThat(RunOutcome.ok().succeeded()).isTrue();
        assertThat(RunOutcome.failed("ejected").succeeded()).isFalse();
        assertThat(RunOutcome.failed(" ejected ")).isEqualTo(new RunOutcome.Failed("ejected"));
    }
}
