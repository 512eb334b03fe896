package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.Daemon;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.supervise.RestartPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run}, {@code stop} and {@code status} when a schedcp daemon runs: a real daemon in this JVM, on its Unix
 * socket in the fixture's home, owning a manager over the fixture's fake kernel; the CLI reaches it as a client.
 */
class DaemonClientCommandsTest {

    @TempDir
    Path temp;

    private CliFixture fixture;
    private Daemon daemon;
    private SchedulerManager manager;
    private Map<String, String> env;

    @BeforeEach
    void startDaemon() {
        fixture = new CliFixture(temp).installRunnable("scx_simple", "simple");
        env = fixture.environment();
        Path socket = fixture.home.resolve("daemon.sock");
        env.put("SCHEDCP_DAEMON_SOCKET", socket.toString());
        manager = fixture.managers(env)
                .apply(new ManagerSettings(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(20)));
        daemon = Daemon.start(
                manager,
                DaemonSettings.defaults(fixture.home)
                        .withRestart(new RestartPolicy(1, Duration.ofMillis(50), Duration.ofMillis(50))),
                "test");
    }

    @AfterEach
    void stopDaemon() {
        daemon.close();
        manager.close();
    }

    @Test
    void runAsksTheDaemonWhichOwnsTheSchedulerAfterTheCommandReturns() throws Exception {
        Result run = fixture.run(env, "run", "scx_simple");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("the schedcp daemon on " + daemon.socket() + " owns the scheduler");
        assertThat(run.out()).contains("the daemon runs scx:scx_simple (scx_simple-");
        assertThat(fixture.kernelState()).isEqualTo("enabled");

        Result status = fixture.run(env, "status");
        assertThat(status.out()).contains("daemon:      running scx:scx_simple");
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(fixture.run(env, "status", "--json").out());
        assertThat(json.get("daemon").get("phase").asString()).isEqualTo("RUNNING");

        Result stop = fixture.run(env, "stop");
        assertThat(stop.code()).as(stop.err()).isZero();
        assertThat(stop.out()).contains("the daemon stopped scx:scx_simple; the kernel is on its default scheduler");
        assertThat(fixture.kernelState()).isEqualTo("disabled");
    }

    @Test
    void aFailedStartThroughTheDaemonExitsSevenWithItsReason() {
        Result run = fixture.run(env, "run", "scx_simple", "--", "--bogus");

        assertThat(run.code()).isEqualTo(ExitCodes.START_FAILED);
        assertThat(run.err()).contains("unrecognized option '--bogus'");
    }

    @Test
    void anUnknownNameIsRefusedByTheDaemonWithTheClosestNames() {
        Result run = fixture.run(env, "run", "scx_simpel");

        assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("closest: scx_simple");
    }

    @Test
    void noDaemonRunsItHereAndStopWithoutADaemonSaysHowToStop() {
        daemon.close();

        Result stop = fixture.run(env, "stop");

        assertThat(stop.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(stop.err()).contains("no schedcp daemon runs").contains("Ctrl-C");
        assertThat(Optional.ofNullable(env.get("SCHEDCP_DAEMON_SOCKET"))
                        .map(Path::of)
                        .orElseThrow())
                .doesNotExist();
    }
}
