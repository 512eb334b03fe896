package io.schedcp.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.manager.ExecutionState;
import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which execution ids name the daemon's execution, and how its phase reads as an execution's state. */
class DaemonExecutionTest {

    private static SupervisorStatus running(String scheduler, String id, int restarts) {
        return new SupervisorStatus(
                Phase.RUNNING,
                Optional.of(scheduler),
                List.of(),
                Optional.of(id),
                restarts,
                Optional.empty(),
                Optional.empty(),
                1,
                true);
    }

    @Test
    void theDaemonsCurrentIdAndAnEarlierIdOfTheSameSchedulerAreItsOwn() {
        SupervisorStatus status = running("scx:scx_simple", "scx_simple-2b2b2b2b", 1);

        assertThat(StopSchedulerTool.isTheDaemons(status, "scx_simple-2b2b2b2b"))
                .isTrue();
        assertThat(StopSchedulerTool.isTheDaemons(status, "scx_simple-1a1a1a1a"))
                .as("the id run_scheduler returned, before a restart")
                .isTrue();
        assertThat(StopSchedulerTool.isTheDaemons(status, "scx_rusty-1a1a1a1a")).isFalse();
        assertThat(StopSchedulerTool.isTheDaemons(status, "scx_simple_x-1a1a1a1a"))
                .isFalse();
    }

    @Test
    void anIdleDaemonThatNeverRanAnythingOwnsNoExecution() {
        SupervisorStatus idle = new SupervisorStatus(
                Phase.IDLE,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty(),
                0,
                true);

        assertThat(StopSchedulerTool.isTheDaemons(idle, "scx_simple-1a1a1a1a")).isFalse();
    }

    @Test
    void everyPhaseReadsAsTheStateOfTheDaemonsLastExecution() {
        assertThat(ExecutionStatusTool.stateOf(Phase.RUNNING)).isEqualTo(ExecutionState.RUNNING);
        assertThat(ExecutionStatusTool.stateOf(Phase.IDLE)).isEqualTo(ExecutionState.STOPPED);
        assertThat(ExecutionStatusTool.stateOf(Phase.RESTARTING)).isEqualTo(ExecutionState.EXITED);
        assertThat(ExecutionStatusTool.stateOf(Phase.GAVE_UP).isFinal()).isTrue();
        assertThat(ExecutionStatusTool.stateOf(Phase.STARTING).isFinal()).isFalse();
    }
}
