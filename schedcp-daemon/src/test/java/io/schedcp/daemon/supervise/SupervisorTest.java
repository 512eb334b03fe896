package io.schedcp.daemon.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.Execution;
import io.schedcp.core.manager.ExecutionState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor over the library's manager, on the test kit's fake kernel and fake provider. */
class SupervisorTest {

    /** Two restarts, 50 ms apart at first. */
    static final RestartPolicy POLICY = new RestartPolicy(2, Duration.ofMillis(50), Duration.ofMillis(200));

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private FakeKernelHost host;
    private Supervisor supervisor;

    @BeforeEach
    void setUp() {
        host = new FakeKernelHost(temp);
    }

    @AfterEach
    void tearDown() {
        if (supervisor != null) {
            supervisor.close();
        }
        host.close();
    }

    private Supervisor supervise(RestartPolicy policy) {
        supervisor = new Supervisor(host.manager, policy);
        return supervisor;
    }

    private SupervisorStatus awaitStatus(Predicate<SupervisorStatus> condition, String what) {
        return Poll.until(supervisor::status, condition, WAIT, what);
    }

    /** The outcome of request {@code request}: the status once it has reached that request and settled in phase. */
    private SupervisorStatus awaitOutcome(long request, Phase phase) {
        return awaitStatus(
                s -> s.request() == request && s.settled() && s.phase() == phase,
                "settled in " + phase + " for request " + request);
    }

    @Test
    void aNewSupervisorIsIdleWithNoRequest() {
        SupervisorStatus status = supervise(POLICY).status();

        assertThat(status.phase()).isEqualTo(Phase.IDLE);
        assertThat(status.scheduler()).isEmpty();
        assertThat(status.request()).isZero();
        assertThat(status.settled()).isTrue();
    }

    @Test
    void runReachesRunningWithTheKernelEnabled() {
        Supervisor.Accepted accepted = supervise(POLICY).run("fake_a", List.of(), false);

        SupervisorStatus status = awaitOutcome(accepted.request(), Phase.RUNNING);
        assertThat(accepted.request()).isPositive();
        assertThat(status.scheduler()).contains("fake:fake_a");
        assertThat(status.executionId()).hasValueSatisfying(id -> assertThat(id).startsWith("fake_a-"));
        assertThat(status.runningSince()).isPresent();
        assertThat(status.restarts()).isZero();
        assertThat(status.lastFailure()).isEmpty();
        assertThat(host.kernelState()).isEqualTo("enabled");
        assertThat(host.manager.kernelState().ops()).contains("fake_a");
        assertThat(host.manager.current().map(Execution::id)).isEqualTo(status.executionId());
    }

    @Test
    void aStartThatFailsIsRetriedThenGivenUpOn() {
        // The fake program refuses --fail as an unknown option, and exits before enabling.
        Supervisor.Accepted accepted = supervise(POLICY).run("fake_a", List.of("--fail"), false);

        SupervisorStatus gaveUp = awaitOutcome(accepted.request(), Phase.GAVE_UP);

        assertThat(gaveUp.restarts()).isEqualTo(2);
        assertThat(gaveUp.lastFailure())
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("its start failed")
                        .contains("unrecognized option '--fail'")
                        .contains("after 2 restart(s), the most allowed"));
        assertThat(supervisor.restartsTotal()).isEqualTo(2);
        assertThat(host.manager.executions())
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(ExecutionState.FAILED));
        assertThat(host.kernelState()).isEqualTo("disabled");
    }

    @Test
    void eachRequestHasTheNextNumber() {
        supervise(POLICY);
        long first = supervisor.run("fake_a", List.of(), false).request();
        long second = supervisor.stop().request();

        assertThat(second).isEqualTo(first + 1);
        awaitOutcome(second, Phase.IDLE);
    }

    @Test
    void stopGoesIdleWithTheKernelDisabled() {
        supervise(POLICY);
        awaitOutcome(supervisor.run("fake_a", List.of(), false).request(), Phase.RUNNING);

        SupervisorStatus status = awaitOutcome(supervisor.stop().request(), Phase.IDLE);

        assertThat(status.runningSince()).isEmpty();
        assertThat(status.lastFailure()).isEmpty();
        assertThat(host.kernelState()).isEqualTo("disabled");
        assertThat(host.manager.current()).isEmpty();
        assertThat(supervisor.restartsTotal()).isZero();
    }

    @Test
    void stopWithNothingRunningGoesIdle() {
        SupervisorStatus status = awaitOutcome(supervise(POLICY).stop().request(), Phase.IDLE);

        assertThat(status.scheduler()).isEmpty();
        assertThat(host.kernelState()).isEqualTo("disabled");
    }

    @Test
    void anUnknownNameIsRefusedAtOnceWithTheClosestNames() {
        supervise(POLICY);

        assertThatThrownBy(() -> supervisor.run("fake_aa", List.of(), false))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("fake_aa")
                .hasMessageContaining("fake_a");
        assertThat(supervisor.status().request()).isZero();
        assertThat(supervisor.status().phase()).isEqualTo(Phase.IDLE);
    }

    @Test
    void aSchedulerThatCannotStartGivesUpAtOnceWithoutRestarts() {
        Supervisor.Accepted accepted = supervise(POLICY).run("fake_missing", List.of(), false);

        SupervisorStatus status = awaitOutcome(accepted.request(), Phase.GAVE_UP);

        assertThat(status.scheduler()).contains("fake:fake_missing");
        assertThat(status.restarts()).isZero();
        assertThat(status.lastFailure())
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("fake_missing is not installed")
                        .contains("the kernel is on its default scheduler"));
        assertThat(supervisor.restartsTotal()).isZero();
        assertThat(host.manager.executions()).isEmpty();
        assertThat(host.kernelState()).isEqualTo("disabled");
    }

    @Test
    void anEjectedSchedulerIsRestartedThenGivenUpOnAfterTheMostRestarts() {
        Supervisor.Accepted accepted = supervise(POLICY).run("fake_ejects", List.of(), false);

        SupervisorStatus restarting = awaitStatus(
                s -> s.phase() == Phase.RESTARTING || s.restarts() > 0, "restarting after the first ejection");
        assertThat(restarting.restarts()).isPositive();
        assertThat(restarting.lastFailure())
                .hasValueSatisfying(why -> assertThat(why).contains("EJECTED").contains("fake_ejects"));

        SupervisorStatus gaveUp = awaitOutcome(accepted.request(), Phase.GAVE_UP);
        assertThat(gaveUp.restarts()).isEqualTo(2);
        assertThat(gaveUp.lastFailure())
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("after 2 restart(s), the most allowed")
                        .contains("the kernel is on its default scheduler"));
        assertThat(supervisor.restartsTotal()).isEqualTo(2);
        assertThat(host.kernelState()).isEqualTo("disabled");
        assertThat(host.manager.current()).isEmpty();
        assertThat(host.manager.executions())
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(ExecutionState.EJECTED));
    }

    @Test
    void aRunWhileARestartIsPendingSupersedesIt() {
        // A backoff long enough to see the restart pending, short enough to see it would have fired.
        Duration backoff = Duration.ofMillis(700);
        supervise(new RestartPolicy(2, backoff, backoff));
        supervisor.run("fake_ejects", List.of(), false);
        awaitStatus(s -> s.phase() == Phase.RESTARTING, "restarting after the ejection");

        Supervisor.Accepted accepted = supervisor.run("fake_a", List.of(), false);

        SupervisorStatus running = awaitOutcome(accepted.request(), Phase.RUNNING);
        assertThat(running.scheduler()).contains("fake:fake_a");
        assertThat(running.restarts()).isZero();
        assertThat(running.lastFailure()).isEmpty();
        Poll.holds(
                supervisor::status,
                s -> s.phase() == Phase.RUNNING && s.scheduler().equals(running.scheduler()),
                backoff.multipliedBy(2),
                "running fake_a, with no restart of fake_ejects");
        assertThat(host.manager.executions())
                .extracting(e -> e.scheduler().name())
                .containsExactly("fake_ejects", "fake_a");
        assertThat(host.manager.kernelState().ops()).contains("fake_a");
        assertThat(supervisor.restartsTotal()).as("restarts made").isZero();
    }

    @Test
    void aStopWhileARestartIsPendingCancelsIt() {
        Duration backoff = Duration.ofMillis(700);
        supervise(new RestartPolicy(2, backoff, backoff));
        supervisor.run("fake_ejects", List.of(), false);
        awaitStatus(s -> s.phase() == Phase.RESTARTING, "restarting after the ejection");

        awaitOutcome(supervisor.stop().request(), Phase.IDLE);

        Poll.holds(
                supervisor::status,
                s -> s.phase() == Phase.IDLE,
                backoff.multipliedBy(2),
                "idle, with no restart of fake_ejects");
        assertThat(host.manager.executions()).hasSize(1);
        assertThat(host.kernelState()).isEqualTo("disabled");
        assertThat(supervisor.restartsTotal()).as("restarts made").isZero();
    }

    @Test
    void runningAnotherSchedulerReplacesTheRunningOneWithoutARestart() {
        supervise(POLICY);
        SupervisorStatus first =
                awaitOutcome(supervisor.run("fake_a", List.of(), false).request(), Phase.RUNNING);

        SupervisorStatus second =
                awaitOutcome(supervisor.run("fake_b", List.of(), false).request(), Phase.RUNNING);

        assertThat(second.scheduler()).contains("fake:fake_b");
        assertThat(second.executionId()).isNotEqualTo(first.executionId());
        assertThat(host.manager
                        .requireExecution(first.executionId().orElseThrow())
                        .state())
                .isEqualTo(ExecutionState.STOPPED);
        assertThat(host.manager.kernelState().ops()).contains("fake_b");
        assertThat(second.restarts()).isZero();
        assertThat(supervisor.restartsTotal()).isZero();
    }

    @Test
    void statusRunAndStopNeverWaitOnAStartUnderWay() {
        // fake_a --never-enable holds the start until the manager's start timeout (3 s).
        supervise(POLICY);
        Supervisor.Accepted accepted = assertTimeoutPreemptively(
                Duration.ofMillis(500), () -> supervisor.run("fake_a", List.of("--never-enable"), false));
        awaitStatus(s -> s.request() == accepted.request() && s.phase() == Phase.STARTING, "starting");

        SupervisorStatus during = assertTimeoutPreemptively(Duration.ofMillis(200), supervisor::status);
        Supervisor.Accepted stop = assertTimeoutPreemptively(Duration.ofMillis(200), supervisor::stop);

        assertThat(during.phase()).isEqualTo(Phase.STARTING);
        assertThat(during.settled()).isFalse();
        assertThat(stop.status().phase()).isEqualTo(Phase.STARTING);
        assertThat(supervisor.status().phase())
                .as("the start is still under way")
                .isEqualTo(Phase.STARTING);
        awaitOutcome(stop.request(), Phase.IDLE);
        assertThat(host.kernelState()).isEqualTo("disabled");
    }
}
