package io.schedcp.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.ErrorDetail.RootRefused;
import io.schedcp.api.ExitInfo;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.StopSignal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The process handle against real child processes. */
class ProcessSchedulerHandleTest {

    private final PrivilegedLauncher launcher = new PrivilegedLauncher(Privilege.direct());

    private SchedulerHandle sh(String script) {
        return launcher.launch(new ProcessLauncher.Spec(
                "test", List.of("/bin/sh", "-c", script), Map.of("GREETING", "hello"), Optional.empty()));
    }

    @Test
    void exitInfoCarriesTheStatusAndTheLastLines() throws Exception {
        SchedulerHandle handle = sh("echo \"$GREETING\"; echo oops >&2; exit 4");

        ExitInfo exit = handle.awaitExit(Duration.ofSeconds(10)).orElseThrow();

        assertThat(exit.exitCode()).hasValue(4);
        assertThat(exit.summary()).isEqualTo("exited with status 4");
        assertThat(exit.lastOutput()).containsExactly("hello", "oops");
        assertThat(handle.isAlive()).isFalse();
    }

    @Test
    void sigintReachesTheProgramsOwnHandler() throws Exception {
        SchedulerHandle handle = sh("trap 'echo caught INT; exit 0' INT; echo ready; while :; do sleep 0.05; done");
        awaitLine(handle, "ready");

        handle.signal(StopSignal.INTERRUPT);

        ExitInfo exit = handle.awaitExit(Duration.ofSeconds(10)).orElseThrow();
        assertThat(exit.exitCode()).hasValue(0);
        assertThat(exit.lastOutput()).endsWith("caught INT");
    }

    @Test
    void sigkillEndsAProgramThatIgnoresEverythingElse() throws Exception {
        SchedulerHandle handle = sh("trap '' INT TERM; echo ready; while :; do sleep 0.05; done");
        awaitLine(handle, "ready");

        handle.signal(StopSignal.TERMINATE);
        assertThat(handle.awaitExit(Duration.ofMillis(300))).isEmpty();
        handle.signal(StopSignal.KILL);

        ExitInfo exit = handle.awaitExit(Duration.ofSeconds(10)).orElseThrow();
        assertThat(exit.exitCode()).hasValue(137);
        assertThat(exit.summary()).contains("signal 9").contains("SIGKILL");
    }

    @Test
    void aListenerSeesEveryLineOnceEvenWhenItSubscribesLate() throws Exception {
        SchedulerHandle handle = sh("for i in 1 2 3; do echo line$i; done; sleep 0.3; echo line4");
        awaitLine(handle, "line3");
        List<String> seen = new CopyOnWriteArrayList<>();

        handle.onOutput(seen::add);
        assertThat(handle.awaitExit(Duration.ofSeconds(10))).isPresent();

        assertThat(seen).containsExactly("line1", "line2", "line3", "line4");
    }

    @Test
    void aProgramWhoseChildKeepsTheOutputOpenStillEnds() throws Exception {
        SchedulerHandle handle = sh("(sleep 30) & echo parent done; exit 2");

        ExitInfo exit = handle.awaitExit(Duration.ofSeconds(10)).orElseThrow();

        assertThat(handle.isAlive()).isFalse();
        assertThat(exit.exitCode()).hasValue(2);
        assertThat(exit.lastOutput()).containsExactly("parent done");
    }

    @Test
    void aMissingSudoIsAPermissionProblemThatSaysSudoCouldNotBeRunAndLeavesTheRemedyToTheFrontEnd() {
        PrivilegedLauncher withoutSudo =
                new PrivilegedLauncher(Privilege.sudoNonInteractive().withSudoProgram("/nonexistent/sudo"));

        assertThatThrownBy(() -> withoutSudo.launch(
                        new ProcessLauncher.Spec("scx_simple", List.of("/bin/true"), Map.of(), Optional.empty())))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.PERMISSION))
                .hasMessageStartingWith("cannot start scx_simple: root is needed to load a scheduler, and sudo "
                        + "could not be run (Cannot run program \"/nonexistent/sudo\"")
                .hasMessageEndingWith(")")
                .satisfies(e ->
                        assertThat(((SchedcpException) e).detail()).contains(new RootRefused(RootRefused.Why.NO_SUDO)));
    }

    private static void awaitLine(SchedulerHandle handle, String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!handle.outputTail().contains(line)) {
            assertThat(System.nanoTime()).as("waiting for '" + line + "'").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
