package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.kernel.StructOpsOwners;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} in-process against the fake sysfs: a scheduler another program started, and a signal that comes
 * before the start is confirmed. The signals are real ones, raised in this JVM only while {@code run} has its
 * handlers installed.
 */
class ForegroundRunTest {

    @TempDir
    Path temp;

    private CliFixture fixture;
    private Process foreign;

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
    }

    @AfterEach
    void tearDown() {
        if (foreign != null) {
            foreign.destroyForcibly();
        }
    }

    /** Runs the fake scx_simple as a user's own loader would, outside schedcp, and waits for the kernel. */
    private void startForeignSimple() throws Exception {
        fixture.install("scx_simple");
        foreign = fixture.schedExt.startForeign(fixture.scxBin.resolve("scx_simple"), "simple");
        fixture.foreignOwners.add(new StructOpsOwners.Owner(foreign.pid(), "scx_simple"));
    }

    @Test
    void runLeavesASchedulerAnotherProgramStartedAloneAndExitsSevenNamingItAndTheFlag() throws Exception {
        startForeignSimple();
        fixture.install("scx_qmap");

        Result result = fixture.run("run", "scx_qmap");

        assertThat(result.code()).isEqualTo(ExitCodes.START_FAILED);
        assertThat(result.err())
                .contains("schedcp: cannot start scx_qmap: the kernel runs the sched_ext scheduler "
                        + "'simple', held by scx_simple (pid " + foreign.pid()
                        + "), which this schedcp did not start, so it "
                        + "was left alone; to stop it and start scx_qmap instead, run again with --replace-foreign");
        assertThat(result.err()).doesNotContain("stopping the running scheduler");
        assertThat(foreign.isAlive()).as("the other program was not signalled").isTrue();
        assertThat(fixture.kernelState()).isEqualTo("enabled");
    }

    @Test
    void theHelpOfRunNamesReplaceForeign() {
        assertThat(fixture.run("run", "--help").out()).contains("--replace-foreign");
    }

    @Test
    void sigtermWhileTheKernelIsAwaitedStopsTheStartAtOnceAndConfirmsTheKernel() throws Exception {
        fixture.installSleeper("scx_simple");
        StringWriter err = new StringWriter();
        Function<ManagerSettings, SchedulerManager> managers = fixture.managers(fixture.environment());
        CompletableFuture<Result> run = CompletableFuture.supplyAsync(
                () -> fixture.run(managers, fixture.environment(), err, "run", "scx_simple", "--start-timeout", "12"));
        awaitText(err, "starting scx:scx_simple");
        Thread.sleep(500);

        long signalled = System.nanoTime();
        LauncherProcess.signal("TERM", ProcessHandle.current().pid());
        Result result = run.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.code()).isEqualTo(ExitCodes.START_FAILED);
        assertThat(result.err())
                .contains("schedcp: SIGTERM: the start of scx_simple was interrupted before the "
                        + "kernel reported it enabled; its program was stopped (sent SIGINT) and the kernel is on its "
                        + "default scheduler (sched_ext disabled)");
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .as("the scheduler's program is gone")
                .isEmpty();
    }

    @Test
    void sigintWhileAProviderBlocksInItsInitializationEndsTheRunAtOnce() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        Function<ManagerSettings, SchedulerManager> blocked = settings -> {
            building.countDown();
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < until) {
                // A plugin's initialize() that neither returns nor heeds an interrupt.
                Thread.onSpinWait();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    // It ignores interrupts, as such code does.
                }
            }
            throw new IllegalStateException("the test's blocking provider gave up");
        };
        StringWriter err = new StringWriter();
        CompletableFuture<Result> run = CompletableFuture.supplyAsync(
                () -> fixture.run(blocked, fixture.environment(), err, "run", "scx_simple"));
        assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);

        long signalled = System.nanoTime();
        LauncherProcess.signal("INT", ProcessHandle.current().pid());
        Result result = run.get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.code()).isEqualTo(ExitCodes.START_FAILED);
        assertThat(result.err()).contains("schedcp: SIGINT: stopped before scx_simple was started; nothing runs");
    }

    private static void awaitText(StringWriter err, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!err.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stderr never said '" + text + "':\n" + err);
            }
            Thread.sleep(20);
        }
    }
}
