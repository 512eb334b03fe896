package io.schedcp.bpf.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.SchedExtState;
import io.schedcp.bpf.scx.ExitKind;
import io.schedcp.bpf.scx.UserExitInfo;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EjectionWatchTest {

    private static final SchedExtState ENABLED =
            new SchedExtState(true, "enabled", Optional.of("stall"), 1, 0, true, Map.of());
    private static final SchedExtState DISABLED =
            new SchedExtState(true, "disabled", Optional.empty(), 1, 0, false, Map.of());
    private static final UserExitInfo NONE = new UserExitInfo(ExitKind.NONE, -1, 0, "", "");
    private static final UserExitInfo STALL =
            new UserExitInfo(ExitKind.ERROR_STALL, 0, 0, "runnable task stall", "java[170] failed to run for 3.000s");

    private long now;

    private EjectionWatch watch(Deque<UserExitInfo> records, Deque<SchedExtState> states) {
        return new EjectionWatch(
                () -> Optional.of(records.size() > 1 ? records.poll() : records.peek()),
                () -> states.size() > 1 ? states.poll() : states.peek(),
                () -> now,
                millis -> now += TimeUnit.MILLISECONDS.toNanos(millis),
                100);
    }

    @Test
    void aRecordThatShowsOnlyAfterTheKernelReadsDisabledIsStillReportedAsTheStall() throws Exception {
        // The race CI hit: the record was read before ops.exit wrote it, the state after the disable ended.
        String why = watch(new ArrayDeque<>(List.of(NONE, NONE, STALL)), new ArrayDeque<>(List.of(DISABLED)))
                .watch("stall", TimeUnit.SECONDS.toNanos(20));
        assertThat(why)
                .isEqualTo("stall: the kernel's watchdog ejected it: runnable task stall "
                        + "(java[170] failed to run for 3.000s) on CPU 0");
    }

    @Test
    void aDisabledKernelWithNoRecordWithinTheGraceSaysSoAndNamesTheState() throws Exception {
        String why = watch(new ArrayDeque<>(List.of(NONE)), new ArrayDeque<>(List.of(DISABLED)))
                .watch("stall", TimeUnit.SECONDS.toNanos(20));
        assertThat(why).startsWith("the kernel disabled it (state disabled, ops none); it records no exit reason");
        assertThat(now).isGreaterThanOrEqualTo(EjectionWatch.RECORD_GRACE.toNanos());
    }

    @Test
    void aSchedulerThatRunsToTheDeadlineIsNotReported() throws Exception {
        String why = watch(new ArrayDeque<>(List.of(NONE)), new ArrayDeque<>(List.of(ENABLED)))
                .watch("stall", TimeUnit.SECONDS.toNanos(2));
        assertThat(why).isNull();
        assertThat(now).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void anotherSchedulersOpsIsALossEvenWhileEnabled() throws Exception {
        SchedExtState other = new SchedExtState(true, "enabled", Optional.of("simple"), 2, 0, true, Map.of());
        String why = watch(new ArrayDeque<>(List.of(NONE)), new ArrayDeque<>(List.of(other)))
                .watch("stall", TimeUnit.SECONDS.toNanos(20));
        assertThat(why).contains("(state enabled, ops simple)");
    }

    @Test
    void anErrorThatIsNotAStallIsAnEjection() throws Exception {
        UserExitInfo error = new UserExitInfo(ExitKind.ERROR_BPF, 1, 0, "scx_bpf_error", "bad dsq");
        String why = watch(new ArrayDeque<>(List.of(error)), new ArrayDeque<>(List.of(ENABLED)))
                .watch("stall", TimeUnit.SECONDS.toNanos(20));
        assertThat(why).isEqualTo("the kernel ejected it: scx_bpf_error (bad dsq) on CPU 1");
    }
}
