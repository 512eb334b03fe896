package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged launcher end to end: a real JVM started by bin/schedcp, real signals, a fake scheduler
 * program that plays the kernel's part in a fake sysfs directory. The lab tests repeat this on a real kernel.
 */
class DistributionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private CliFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp).install("scx_simple");
    }

    @Test
    void listAndStatusRunFromThePackagedLauncher() throws Exception {
        try (LauncherProcess list = LauncherProcess.start(fixture.environment(), "list")) {
            assertThat(list.awaitExit(WAIT)).isZero();
            assertThat(list.out()).contains("scx_simple", "scx_lavd", "scx_userland");
        }
        try (LauncherProcess status = LauncherProcess.start(fixture.environment(), "status")) {
            assertThat(status.awaitExit(WAIT)).isZero();
            assertThat(status.out()).contains("sched_ext:   disabled");
        }
    }

    @Test
    void ctrlCStopsTheSchedulerAndConfirmsTheKernelIsBack() throws Exception {
        try (LauncherProcess run = LauncherProcess.start(fixture.environment(), "run", "scx_simple")) {
            run.awaitErr("is running: sched_ext enabled, ops simple", WAIT);
            assertThat(fixture.kernelState()).isEqualTo("enabled");

            run.signal("INT");

            assertThat(run.awaitExit(WAIT)).isZero();
            assertThat(run.err())
                    .contains("stopped scx_simple (sent SIGINT")
                    .contains("the kernel is back on its default scheduler (sched_ext disabled)");
            assertThat(run.out()).contains("local=0 global=0").contains("EXIT: unregistered from user space");
            assertThat(fixture.kernelState()).isEqualTo("disabled");
        }
        String log = Files.readString(fixture.home.resolve("schedcp.log"));
        assertThat(log)
                .contains("start scx:scx_simple")
                .contains("started scx:scx_simple as scx_simple-")
                .contains("stopped scx_simple-");
    }

    @Test
    void ctrlCEndsAMonitorEarlyAndItStillPrintsItsSummary() throws Exception {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_PROC_DIR", CliFixture.monitorCapture("lab").toString());
        env.put("SCHEDCP_SCHED_EXT_DIR", CliFixture.monitorCapture("sched_ext").toString());
        try (LauncherProcess monitor =
                LauncherProcess.start(env, "monitor", "--duration", "600", "--interval", "100", "--json")) {
            monitor.awaitErr("Ctrl-C ends early", WAIT);
            Thread.sleep(500);

            monitor.signal("INT");

            assertThat(monitor.awaitExit(WAIT)).isZero();
            assertThat(monitor.err()).contains("schedcp: interrupted after");
            JsonNode summary = JsonMapper.builder().build().readTree(monitor.out());
            assertThat(summary.get("sample_count").asInt()).isPositive();
            assertThat(summary.get("seconds").asDouble()).isLessThan(60);
            assertThat(summary.get("sched_ext").get("ops_seen").get(0).asString())
                    .isEqualTo("simple");
        }
    }

    @Test
    void sigtermStopsItTheSameWay() throws Exception {
        try (LauncherProcess run = LauncherProcess.start(fixture.environment(), "run", "scx_simple")) {
            run.awaitErr("is running", WAIT);

            run.signal("TERM");

            assertThat(run.awaitExit(WAIT)).isZero();
            assertThat(run.err()).contains("the kernel is back on its default scheduler");
            assertThat(fixture.kernelState()).isEqualTo("disabled");
        }
    }

    @Test
    void aSchedulerKilledUnderItIsNoticedAndReported() throws Exception {
        try (LauncherProcess run = LauncherProcess.start(fixture.environment(), "run", "scx_simple")) {
            run.awaitErr("is running", WAIT);

            LauncherProcess.signal("KILL", run.childPid());

            assertThat(run.awaitExit(WAIT)).isEqualTo(ExitCodes.EJECTED);
            assertThat(run.err())
                    .contains("scx_simple ended by signal 9 (SIGKILL)")
                    .contains("while it was running");
        }
    }

    @Test
    void aSchedulerStartedElsewhereIsNamedAndNotTouched() throws Exception {
        fixture.kernelState("enabled", "rustland");

        try (LauncherProcess run = LauncherProcess.start(fixture.environment(), "run", "scx_simple")) {
            assertThat(run.awaitExit(WAIT)).isEqualTo(ExitCodes.START_FAILED);
            assertThat(run.err()).contains("already runs the sched_ext scheduler 'rustland'");
        }
        assertThat(fixture.kernelState()).isEqualTo("enabled");
    }

    @Test
    void sigtermWhileTheKernelIsAwaitedEndsTheRunWithinTwoSeconds() throws Exception {
        fixture.installSleeper("scx_simple");

        try (LauncherProcess run =
                LauncherProcess.start(fixture.environment(), "run", "scx_simple", "--start-timeout", "12")) {
            run.awaitErr("starting scx:scx_simple", WAIT);
            long scheduler = run.awaitChildPid(WAIT);
            Thread.sleep(1000);

            long signalled = System.nanoTime();
            run.signal("TERM");

            assertThat(run.awaitExit(Duration.ofSeconds(5))).isEqualTo(ExitCodes.START_FAILED);
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(3));
            assertThat(run.err())
                    .contains("schedcp: SIGTERM: the start of scx_simple was interrupted before the "
                            + "kernel reported it enabled; its program was stopped (sent SIGINT)")
                    .contains("the kernel is on its default scheduler (sched_ext disabled)");
            assertThat(ProcessHandle.of(scheduler).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
        }
        assertThat(fixture.kernelState()).isEqualTo("disabled");
    }

    @Test
    void anUnwritableHomeIsSaidOnceAndTheCommandStillWorks() throws Exception {
        Map<String, String> env = fixture.environment();
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        env.put("SCHEDCP_HOME", file.resolve("home").toString());

        try (LauncherProcess list = LauncherProcess.start(env, "list", "--name", "simple")) {
            assertThat(list.awaitExit(WAIT)).isZero();
            assertThat(list.out()).contains("scx_simple");
            assertThat(list.err()).containsOnlyOnce("cannot write the log").doesNotContain("Exception");
        }
    }
}
