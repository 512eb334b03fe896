package io.schedcp.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.ErrorDetail.Input;
import io.schedcp.api.ErrorDetail.OutOfRange;
import io.schedcp.api.SchedcpException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench defaults every front end takes from the plan, and the limits it holds them to. */
class BenchPlanTest {

    private static BenchPlan plan() {
        return BenchPlan.of("w-1", List.of("default", "scx_simple"), List.of("hackbench"));
    }

    @Test
    void aPlanWithTheDefaultsRunsThreeTimesWithASecondsIntervalAndTenMinutesARun() {
        BenchPlan plan = plan();

        assertThat(plan.runs()).isEqualTo(3).isEqualTo(BenchPlan.DEFAULT_RUNS);
        assertThat(plan.monitorInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(plan.runTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.schedulers()).containsExactly("default", "scx_simple");
    }

    @Test
    void eachDefaultCanBeChangedAndTheOthersStay() {
        BenchPlan plan =
                plan().withRuns(5).withMonitorInterval(Duration.ofMillis(250)).withRunTimeout(Duration.ofSeconds(30));

        assertThat(plan.runs()).isEqualTo(5);
        assertThat(plan.monitorInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(plan.runTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.workloadId()).isEqualTo("w-1");
        assertThat(plan.command()).containsExactly("hackbench");
    }

    @Test
    void aChangedRunCountIsHeldToTheSameRange() {
        assertThatThrownBy(() -> plan().withRuns(BenchPlan.MAX_RUNS + 1))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.detail()).contains(new OutOfRange(Input.BENCH_RUNS, 101, 1, 100)));
    }

    @Test
    void aMonitorIntervalUnderAHundredMillisecondsOrARunTimeoutUnderASecondIsRefused() {
        assertThatThrownBy(() -> plan().withMonitorInterval(Duration.ofMillis(99)))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.INVALID_INPUT))
                .hasMessage("a monitor interval of 99 ms is too short for a bench: give 100 ms or more");
        assertThatThrownBy(() -> plan().withRunTimeout(Duration.ofMillis(500)))
                .hasMessage("a run timeout of 500 ms is too short for a bench: give 1 s or more");
    }
}
