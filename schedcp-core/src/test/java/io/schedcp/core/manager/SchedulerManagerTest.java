package io.schedcp.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.ErrorDetail.ForeignScheduler;
import io.schedcp.api.ErrorDetail.RootRefused;
import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.spi.StopSignal;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.kernel.StructOpsOwners;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.testkit.kernel.FakeSchedExt;
import io.schedcp.testkit.kernel.FakeSchedulerProgram;
import io.schedcp.testkit.provider.FakeProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager's rules, against real child processes and a fake sched_ext sysfs directory. */
class SchedulerManagerTest {

    @TempDir
    Path temp;

    private FakeSchedExt kernel;
    private Path program;
    private SchedulerManager manager;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        kernel = FakeSchedExt.in(temp);
        program = FakeSchedulerProgram.installAt(temp.resolve("fake-scheduler.sh"));
        manager = manager(new FakeProvider(program, kernel).withEjectingScheduler());
    }

    /** The programs the manager may find holding a scheduler it did not start. */
    private final List<StructOpsOwners.Owner> foreignOwners = new CopyOnWriteArrayList<>();

    private SchedulerManager manager(FakeProvider... providers) {
        SchedulerManagerBuilder builder = SchedulerManager.builder()
                .foreignOwners(() -> List.copyOf(foreignOwners))
                .config(new SchedcpConfig(
                        temp.resolve("home"),
                        Map.of("SCHEDCP_SCHED_EXT_DIR", kernel.directory().toString())))
                .discoverProviders(false)
                .loadPlugins(false)
                .launcher(new PrivilegedLauncher(Privilege.direct()))
                .settings(new ManagerSettings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(20)));
        for (FakeProvider provider : providers) {
            builder.provider(provider);
        }
        SchedulerManager built = builder.build();
        built.addListener(events::add);
        return built;
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void startReturnsOnceTheKernelReportsTheSchedulerEnabled() throws Exception {
        Execution execution = manager.start("fake_a", List.of());

        assertThat(execution.state()).isEqualTo(ExecutionState.RUNNING);
        assertThat(manager.kernelState().isEnabled()).isTrue();
        assertThat(manager.kernelState().ops()).contains("fake_a");
        assertThat(manager.current()).contains(execution);
        assertThat(execution.handle().pid()).isPresent();
        assertThat(events)
                .anyMatch(e -> e instanceof ManagerEvent.Launched)
                .anyMatch(e -> e instanceof ManagerEvent.Started);
    }

    @Test
    void stopSendsSigintAndWaitsForTheKernelToBeDisabled() throws Exception {
        Execution execution = manager.start("fake_a", List.of());

        StopResult result = manager.stop(execution.id());

        assertThat(result.signals()).containsExactly(StopSignal.INTERRUPT);
        assertThat(kernel.state()).isEqualTo("disabled");
        assertThat(result.kernel().isDisabled()).isTrue();
        assertThat(execution.state()).isEqualTo(ExecutionState.STOPPED);
        assertThat(execution.exitInfo().orElseThrow().lastOutput()).contains("EXIT: unregistered from user space");
        assertThat(result.summary()).contains("SIGINT").contains("back on its default scheduler");
        assertThat(manager.current()).isEmpty();
    }

    @Test
    void stopEscalatesToSigtermWhenSigintIsIgnored() throws Exception {
        Execution execution = manager.start("fake_a", List.of("--ignore-int"));

        StopResult result = manager.stop(execution.id());

        assertThat(result.signals()).containsExactly(StopSignal.INTERRUPT, StopSignal.TERMINATE);
        assertThat(kernel.state()).isEqualTo("disabled");
        assertThat(execution.handle().outputTail()).contains("fake fake_a: ignoring SIGINT");
    }

    @Test
    void runReplacesTheRunningScheduler() throws Exception {
        Execution first = manager.start("fake_a", List.of());

        Execution second = manager.start("fake_b", List.of());

        assertThat(first.state()).isEqualTo(ExecutionState.STOPPED);
        assertThat(first.handle().isAlive()).isFalse();
        assertThat(second.state()).isEqualTo(ExecutionState.RUNNING);
        assertThat(manager.kernelState().ops()).contains("fake_b");
        assertThat(events)
                .anyMatch(e -> e instanceof ManagerEvent.Replacing r
                        && r.execution() == first
                        && r.next().equals("fake:fake_b"));
    }

    @Test
    void startFailsWithTheSchedulersOwnOutputWhenItExitsEarly() throws Exception {
        assertThatThrownBy(() -> manager.start("fake_a", List.of("--bogus")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("exited with status 1 before the kernel reported it enabled")
                .hasMessageContaining("unrecognized option '--bogus'")
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(Kind.START_FAILED);
        assertThat(kernel.state()).isEqualTo("disabled");
        assertThat(manager.current()).isEmpty();
    }

    @Test
    void startFailsAndStopsTheProgramWhenTheKernelNeverEnablesIt() throws Exception {
        assertThatThrownBy(() -> manager.start("fake_a", List.of("--never-enable")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("did not report fake_a enabled within 3 s")
                .hasMessageContaining("fake fake_a: loading");
        Execution failed = manager.executions().get(0);
        assertThat(failed.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(failed.handle().isAlive()).isFalse();
    }

    @Test
    void anInterruptedStartStopsItsProgramAndLooksAtTheKernelAgain() throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                manager.start("fake_a", List.of("--never-enable"));
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        });
        starter.start();
        while (manager.executions().isEmpty()) {
            Thread.sleep(10);
        }

        long interrupted = System.nanoTime();
        starter.interrupt();
        Throwable thrown = failure.get(10, java.util.concurrent.TimeUnit.SECONDS);

        // The start timeout is 3 s; the interrupt, not the time, ended it.
        assertThat(Duration.ofNanos(System.nanoTime() - interrupted)).isLessThan(Duration.ofSeconds(2));
        assertThat(thrown)
                .isInstanceOf(SchedcpException.class)
                .hasMessage("the start of fake_a was interrupted "
                        + "before the kernel reported it enabled; its program was stopped (sent SIGINT) and the kernel is on "
                        + "its default scheduler (sched_ext disabled)");
        Execution failed = manager.executions().get(0);
        assertThat(failed.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(failed.handle().isAlive()).isFalse();
    }

    @Test
    void aRefusedSudoIsReportedAsAPermissionProblem() {
        assertThatThrownBy(() -> manager.start("fake_a", List.of("--sudo-refused")))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
                    assertThat(e.detail()).contains(new RootRefused(RootRefused.Why.PASSWORD_NEEDED));
                })
                .hasMessageStartingWith("cannot start fake_a: root is needed to load a scheduler, and sudo refused "
                        + "to run without a password; its last output:");
    }

    @Test
    void aWrongSudoPasswordIsReportedAsRefusedAndTellsTheFrontEndsWhy() {
        assertThatThrownBy(() -> manager.start("fake_a", List.of("--sudo-wrong-password")))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
                    assertThat(e.detail()).contains(new RootRefused(RootRefused.Why.WRONG_PASSWORD));
                })
                .hasMessageStartingWith("cannot start fake_a: sudo refused the password in SCHEDCP_SUDO_PASSWORD; "
                        + "its last output:")
                .hasMessageNotContaining("run schedcp as root");
    }

    @Test
    void stopFailsWhenTheKernelKeepsTheScheduler() throws Exception {
        Execution execution = manager.start("fake_a", List.of("--stays-enabled"));

        assertThatThrownBy(() -> manager.stop(execution.id()))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("did not go back to its default scheduler")
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(Kind.STOP_FAILED);
    }

    @Test
    void aSchedulerTheKernelEjectsIsReportedWithItsOutput() throws Exception {
        Execution execution = manager.start("fake_a", List.of("--ejected"));

        assertThat(execution.awaitEnd(Duration.ofSeconds(10))).isTrue();

        assertThat(execution.state()).isEqualTo(ExecutionState.EJECTED);
        assertThat(execution.endMessage().orElseThrow())
                .contains("the kernel ejected fake_a")
                .contains("runnable task stall");
        assertThat(execution.handle().isAlive()).isFalse();
        assertThat(events).anyMatch(e -> e instanceof ManagerEvent.Ended end && end.cause() == ExecutionState.EJECTED);
        assertThat(manager.current()).isEmpty();
    }

    @Test
    void aSchedulerWhoseProgramDiesIsReported() throws Exception {
        Execution execution = manager.start("fake_a", List.of("--dies"));

        assertThat(execution.awaitEnd(Duration.ofSeconds(10))).isTrue();

        assertThat(execution.state()).isEqualTo(ExecutionState.EXITED);
        assertThat(execution.endMessage().orElseThrow())
                .contains("exited with status 3")
                .contains("segfault");
    }

    @Test
    void anUnknownNameFailsWithTheClosestNames() {
        assertThatThrownBy(() -> manager.start("fake_c", List.of()))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.detail())
                            .contains(new UnknownName(Subject.SCHEDULER, "fake_c", List.of("fake_a", "fake_b")));
                })
                .hasMessage("no scheduler is named 'fake_c' (closest: fake_a, fake_b)");
    }

    @Test
    void aNameCloseToNoneFailsWithoutCandidates() {
        assertThatThrownBy(() -> manager.require("zzzzzzzzzz"))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.detail())
                                .contains(new UnknownName(Subject.SCHEDULER, "zzzzzzzzzz", List.of())))
                .hasMessage("no scheduler is named 'zzzzzzzzzz'");
    }

    @Test
    void anUnknownExecutionIdFailsWithTheNewestIdsTheManagerKnows() throws Exception {
        assertThatThrownBy(() -> manager.stop("fake_a-0"))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.detail()).contains(new UnknownName(Subject.EXECUTION, "fake_a-0", List.of()));
                })
                .hasMessage("no execution has the id 'fake_a-0'; this schedcp has started no scheduler");
        Execution first = manager.start("fake_a", List.of());
        Execution second = manager.start("fake_b", List.of());

        assertThatThrownBy(() -> manager.requireExecution("fake_a-0"))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.detail())
                                .contains(new UnknownName(
                                        Subject.EXECUTION, "fake_a-0", List.of(second.id(), first.id()))))
                .hasMessage("no execution has the id 'fake_a-0'; the newest are " + second.id() + ", " + first.id());
        assertThat(manager.requireExecution(first.id())).isSameAs(first);
    }

    @Test
    void anUnavailableSchedulerIsRefusedWithItsReason() {
        assertThatThrownBy(() -> manager.start("fake_missing", List.of()))
                .hasMessageContaining("fake_missing is not installed")
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void aKernelWithoutSchedExtIsNamedWithItsConfigOption() throws Exception {
        Files.delete(kernel.directory().resolve("state"));

        assertThatThrownBy(() -> manager.start("fake_a", List.of()))
                .hasMessageContaining("CONFIG_SCHED_CLASS_EXT")
                .hasMessageContaining("docs/lab.md")
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(Kind.NO_SCHED_EXT);
        assertThat(manager.list())
                .allSatisfy(e -> assertThat(e.availability().isAvailable()).isFalse());
    }

    @Test
    void aSchedulerWhoseProgramCannotBeFoundIsNamedAndLeftAlone() throws Exception {
        kernel.runForeign("lavd");

        assertThatThrownBy(() -> manager.start("fake_a", List.of()))
                .hasMessageContaining("already runs the sched_ext scheduler 'lavd'")
                .hasMessageEndingWith("no program this user can see holds it")
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.START_FAILED);
                    assertThat(e.detail()).contains(new ForeignScheduler("fake_a", "lavd", false));
                });
        assertThat(kernel.state()).isEqualTo("enabled");
    }

    /** Runs the fake scheduler as another program would, and waits for the kernel to enable it. */
    private Process startForeign(String ops) throws Exception {
        Process other = kernel.startForeign(program, ops);
        foreignOwners.add(new StructOpsOwners.Owner(other.pid(), "scx_" + ops));
        return other;
    }

    @Test
    void aSchedulerStartedByAnotherProgramIsNamedAndLeftAlone() throws Exception {
        Process other = startForeign("qmap");
        try {
            assertThatThrownBy(() -> manager.start("fake_a", List.of()))
                    .isInstanceOfSatisfying(ForeignSchedulerRunning.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.START_FAILED);
                        assertThat(e.ops()).isEqualTo("qmap");
                        assertThat(e.owners())
                                .extracting(StructOpsOwners.Owner::pid)
                                .containsExactly(other.pid());
                        assertThat(e.detail()).contains(new ForeignScheduler("fake_a", "qmap", true));
                    })
                    .hasMessage("cannot start fake_a: the kernel runs the sched_ext scheduler 'qmap', held by "
                            + "scx_qmap (pid " + other.pid() + "), which this schedcp did not start, so it was "
                            + "left alone");

            assertThat(other.isAlive())
                    .as("the other program was not signalled")
                    .isTrue();
            assertThat(kernel.state()).isEqualTo("enabled");
            assertThat(manager.kernelState().ops()).contains("qmap");
            assertThat(manager.executions()).isEmpty();
            assertThat(events).noneMatch(e -> e instanceof ManagerEvent.StoppingForeign);
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aSchedulerStartedByAnotherProgramIsStoppedFirstAndSaidSoWhenAskedToReplaceIt() throws Exception {
        Process other = startForeign("qmap");
        try {
            Execution execution = manager.start("fake_a", List.of(), ForeignPolicy.REPLACE);

            assertThat(other.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue())
                    .as("the other program ended on SIGINT")
                    .isZero();
            assertThat(execution.state()).isEqualTo(ExecutionState.RUNNING);
            assertThat(manager.kernelState().ops()).contains("fake_a");
            assertThat(events)
                    .anyMatch(e -> e instanceof ManagerEvent.StoppingForeign f
                            && f.ops().equals("qmap")
                            && f.next().equals("fake:fake_a"));
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void theHigherRankServesAPlainNameAndTheOtherStaysReachableByQualifiedName() throws Exception {
        manager.close();
        FakeProvider fake = new FakeProvider(program, kernel).withEjectingScheduler();
        manager = manager(fake, fake.named("override", 10));

        assertThat(manager.require("fake_a").descriptor().provider()).isEqualTo("override");
        assertThat(manager.require("fake:fake_a").descriptor().provider()).isEqualTo("fake");
        assertThat(manager.list())
                .filteredOn(e -> e.descriptor().name().equals("fake_a"))
                .extracting(SchedulerEntry::reachableName)
                .containsExactly("fake_a", "fake:fake_a");

        Execution execution = manager.start("fake:fake_a", List.of());
        assertThat(execution.scheduler().qualifiedName()).isEqualTo("fake:fake_a");
    }

    @Test
    void closeStopsWhatRuns() throws Exception {
        manager.start("fake_a", List.of());

        manager.close();

        assertThat(kernel.state()).isEqualTo("disabled");
    }
}
