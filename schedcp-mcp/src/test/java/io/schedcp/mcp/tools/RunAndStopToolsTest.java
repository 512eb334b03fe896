package io.schedcp.mcp.tools;

import static io.schedcp.mcp.tools.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.ExecutionState;
import io.schedcp.mcp.FakeHost;
import io.schedcp.mcp.ToolAdvice;
import io.schedcp.mcp.ToolResult;
import io.schedcp.mcp.tools.ExecutionStatusTool.Status;
import io.schedcp.mcp.tools.RunSchedulerTool.Started;
import io.schedcp.mcp.tools.StopSchedulerTool.Stopped;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run_scheduler, get_execution_status and stop_scheduler onto the manager, with a fake kernel. */
class RunAndStopToolsTest {

    @TempDir
    Path temp;

    private FakeHost host;
    private RunSchedulerTool run;
    private ExecutionStatusTool status;
    private StopSchedulerTool stop;

    @BeforeEach
    void setUp() {
        host = new FakeHost(temp);
        run = new RunSchedulerTool(host.manager);
        status = new ExecutionStatusTool(host.manager);
        stop = new StopSchedulerTool(host.manager);
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void runReturnsTheExecutionIdOnceTheKernelRunsIt() throws Exception {
        ToolResult result = call(run, Map.of("name", "fake_a"));

        Started started = (Started) result.value();
        assertThat(started.executionId()).startsWith("fake_a-");
        assertThat(started.scheduler()).isEqualTo("fake:fake_a");
        assertThat(started.state()).isEqualTo("RUNNING");
        assertThat(started.pid()).isPresent();
        assertThat(started.replacedExecutionId()).isEmpty();
        assertThat(started.kernel().state()).isEqualTo("enabled");
        assertThat(started.kernel().ops()).contains("fake_a");
        assertThat(host.kernelState()).isEqualTo("enabled");
        assertThat(result.text())
                .contains("fake_a is running: sched_ext enabled, ops fake_a (execution " + started.executionId())
                .contains("stop_scheduler {\"execution_id\": \"" + started.executionId());
    }

    @Test
    void runReplacesWhatThisServerRunsAndSaysSo() throws Exception {
        Started first = (Started) call(run, Map.of("name", "fake_a")).value();

        ToolResult result = call(run, Map.of("name", "fake_b"));

        Started second = (Started) result.value();
        assertThat(second.replacedExecutionId()).contains(first.executionId());
        assertThat(host.manager.execution(first.executionId()).orElseThrow().state())
                .isEqualTo(ExecutionState.STOPPED);
        assertThat(result.text()).contains("It replaced execution " + first.executionId());
    }

    @Test
    void runLeavesASchedulerAnotherProgramRunsAloneAndSaysHowToReplaceIt() throws Exception {
        Process other = host.startForeign("qmap");
        try {
            assertThatThrownBy(() -> call(run, Map.of("name", "fake_a")))
                    .isInstanceOfSatisfying(SchedcpException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.START_FAILED);
                        assertThat(ToolAdvice.message(e))
                                .isEqualTo(e.getMessage() + "; to stop it and start fake_a "
                                        + "instead, call run_scheduler again with \"replace_foreign\": true");
                    })
                    .hasMessage("cannot start fake_a: the kernel runs the sched_ext scheduler 'qmap', held by "
                            + "scx_qmap (pid " + other.pid() + "), which this schedcp did not start, so it was left "
                            + "alone");
            assertThat(other.isAlive()).isTrue();
            assertThat(host.kernelState()).isEqualTo("enabled");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void runWithReplaceForeignStopsTheOtherProgramsSchedulerFirst() throws Exception {
        Process other = host.startForeign("qmap");
        try {
            Started started = (Started)
                    call(run, Map.of("name", "fake_a", "replace_foreign", true)).value();

            assertThat(other.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(started.state()).isEqualTo("RUNNING");
            assertThat(started.kernel().ops()).contains("fake_a");
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void statusShowsStateCommandOutputAndKernel() throws Exception {
        Started started =
                (Started) call(run, Map.of("name", "fake_b", "args", List.of())).value();

        ToolResult result = awaitStatus(started.executionId(), "fake fake_b: enabled");

        Status shown = (Status) result.value();
        assertThat(shown.executionId()).isEqualTo(started.executionId());
        assertThat(shown.scheduler()).isEqualTo("fake:fake_b");
        assertThat(shown.state()).isEqualTo("RUNNING");
        assertThat(shown.running()).isTrue();
        assertThat(shown.pid()).isEqualTo(started.pid());
        assertThat(shown.uptimeSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(shown.lastOutput()).contains("fake fake_b: enabled");
        assertThat(shown.exit()).isEmpty();
        assertThat(shown.kernel().ops()).contains("fake_b");
        assertThat(result.text())
                .contains(started.executionId() + ": fake:fake_b, RUNNING, pid ")
                .contains("last output:\n  fake fake_b: loading");
    }

    /** The status once its output shows {@code line}: the output is read by a thread of its own. */
    private ToolResult awaitStatus(String id, String line) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            ToolResult result = call(status, Map.of("execution_id", id));
            if (((Status) result.value()).lastOutput().contains(line) || System.nanoTime() > deadline) {
                return result;
            }
            Thread.sleep(20);
        }
    }

    @Test
    void stopConfirmsTheKernelIsBackOnItsDefaultAndStatusShowsTheEnd() throws Exception {
        Started started = (Started) call(run, Map.of("name", "fake_a")).value();

        ToolResult result = call(stop, Map.of("execution_id", started.executionId()));

        Stopped stopped = (Stopped) result.value();
        assertThat(stopped.signals()).containsExactly("SIGINT");
        assertThat(stopped.backToDefault()).isTrue();
        assertThat(stopped.kernel().state()).isEqualTo("disabled");
        assertThat(stopped.exit().orElseThrow().exitCode()).contains(0);
        assertThat(stopped.lastOutput()).contains("EXIT: unregistered from user space");
        assertThat(result.text()).contains("stopped fake_a (sent SIGINT").contains("back on its default scheduler");
        assertThat(host.kernelState()).isEqualTo("disabled");

        Status after = (Status)
                call(status, Map.of("execution_id", started.executionId())).value();
        assertThat(after.state()).isEqualTo("STOPPED");
        assertThat(after.running()).isFalse();
        assertThat(after.exit()).isPresent();
        assertThat(after.message().orElseThrow()).contains("stopped fake_a");
    }

    @Test
    void anUnknownSchedulerFailsWithTheClosestNames() {
        assertThatThrownBy(() -> call(run, Map.of("name", "fake_c")))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(ToolAdvice.message(e)).endsWith("; call list_schedulers to see every scheduler");
                })
                .hasMessage("no scheduler is named 'fake_c' (closest: fake_a, fake_b)");
    }

    @Test
    void anUnavailableSchedulerFailsWithTheProvidersReason() {
        assertThatThrownBy(() -> call(run, Map.of("name", "fake_missing")))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining("fake_missing is not installed; install it");
    }

    @Test
    void aKernelWithoutSchedExtFailsTheRunAndPointsAtTheLab() throws Exception {
        host.removeSchedExt();

        assertThatThrownBy(() -> call(run, Map.of("name", "fake_a")))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NO_SCHED_EXT))
                .hasMessageContaining("kernel lab");
    }

    @Test
    void aSchedulerThatFailsToLoadFailsTheRunWithItsOwnOutput() {
        assertThatThrownBy(() -> call(run, Map.of("name", "fake_a", "args", List.of("--fail"))))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.START_FAILED))
                .hasMessageContaining("fake fake_a: unrecognized option '--fail'");
    }

    @Test
    void unknownExecutionIdsFailForStatusAndStop() throws Exception {
        assertThatThrownBy(() -> call(status, Map.of("execution_id", "nope")))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(ToolAdvice.message(e))
                            .endsWith("; run_scheduler returns the id of each execution it "
                                    + "starts, and this server knows only those");
                })
                .hasMessage("no execution has the id 'nope'; this schedcp has started no scheduler");
        Started started = (Started) call(run, Map.of("name", "fake_a")).value();
        assertThatThrownBy(() -> call(status, Map.of("execution_id", "nope")))
                .hasMessage("no execution has the id 'nope'; the newest are " + started.executionId());
        assertThatThrownBy(() -> call(stop, Map.of("execution_id", "nope")))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void argumentsAreCheckedAgainstTheSchemaWithTheirPurpose() {
        assertThatThrownBy(() -> call(run, Map.of()))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessage("run_scheduler needs the argument 'name' (a string): The scheduler's name as "
                        + "list_schedulers gives it, such as scx_simple, or provider:name.");
        assertThatThrownBy(() -> call(run, Map.of("name", "fake_a", "args", "--fast")))
                .hasMessageStartingWith("run_scheduler's argument 'args' must be an array of strings, not a string");
        assertThatThrownBy(() -> call(stop, Map.of("id", "x")))
                .hasMessage("stop_scheduler has no argument 'id'; it takes execution_id");
    }
}
