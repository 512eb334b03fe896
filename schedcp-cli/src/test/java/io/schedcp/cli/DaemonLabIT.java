package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.lab.Lab;
import io.schedcp.lab.LabOptions;
import io.schedcp.lab.LabResult;
import io.schedcp.lab.LabScenario;
import io.schedcp.lab.LabToolchain;
import io.schedcp.lab.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schedcp daemon on a real sched_ext kernel, through the CLI of this build: one lab boot runs
 * bpf/lab/tests/daemon.sh (a start through the REST API, kill -9 of the scheduler three times with two restarts
 * allowed, the CLI as a client, DELETE, SIGTERM), then each test asserts on the facts it printed.
 */
class DaemonLabIT {

    private static LabOutput out;

    @BeforeAll
    static void bootOnce() throws Exception {
        LabToolchain toolchain = LabTests.readyOrSkip("daemon lab tests");
        Path bin = Path.of(System.getProperty("schedcp.dist", "target/schedcp"))
                .resolve("bin")
                .toAbsolutePath();
        LabOptions options = LabOptions.defaults()
                .withScenarioTimeout(Duration.ofMinutes(20))
                .withPath(List.of(bin))
                .withEnvironment(Map.of("SCHEDCP_LOG_LEVEL", "info"));
        LabResult result = LabTests.boot(
                new Lab(toolchain, LabTests.cache()),
                List.of(new LabScenario("daemon", "bash " + LabTests.SCRIPTS + "/daemon.sh")),
                options);
        for (ScenarioResult scenario : result.scenarios()) {
            System.out.printf(
                    "daemon lab scenario %s %.1f s exit %d (boot %.1f s)%n",
                    scenario.name(),
                    scenario.duration().toMillis() / 1000.0,
                    scenario.exitCode(),
                    result.boot().toMillis() / 1000.0);
        }
        out = new LabOutput(LabTests.output(result, "daemon"));
        System.out.println("daemon lab scenario output:\n" + out.text());
    }

    @Test
    void theDaemonListensAndOnlyTheFullTokenMayChangeTheHost() {
        assertThat(out.text())
                .as(out.text())
                .contains("daemon socket=yes")
                .contains("healthz code=200 no-token code=401 read-only post code=403");
    }

    @Test
    void aStartThroughTheRestApiIsEnabledAndShownByTheMetrics() {
        assertThat(out.text())
                .as(out.text())
                .contains("state=enabled ops=simple")
                .contains("phase=RUNNING/0")
                .contains("metrics enabled=1 running=1 restarts=0");
    }

    @Test
    void eachKillIsFollowedByARestartUntilTheyAreSpentAndTheKernelIsOnItsDefault() {
        assertThat(out.text())
                .as(out.text())
                .contains("phase=RUNNING/1")
                .contains("phase=RUNNING/2")
                .contains("phase=GAVE_UP/2")
                .contains("gave up metrics restarts=2 gave_up=1 enabled=0 state=disabled")
                .contains("the kernel is on its default scheduler");
    }

    @Test
    void theCliAsksTheDaemonAndStatusShowsIt() {
        assertThat(out.text())
                .as(out.text())
                .contains("cli run rc=0 state=enabled ops=simple")
                .contains("owns the scheduler: asking it to run scx_simple")
                .contains("the daemon runs scx:scx_simple")
                .contains("cli status rc=0 daemon:      running scx:scx_simple");
    }

    @Test
    void deleteStopsItAndSigtermEndsTheDaemonWithTheKernelOnItsDefault() {
        assertThat(out.text())
                .as(out.text())
                .contains("delete code=202")
                .contains("phase=IDLE/0")
                .contains("daemon rc=0 after state=disabled socket=gone");
    }
}
