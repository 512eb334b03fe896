package io.schedcp.mcp;

import static io.schedcp.testkit.jsonrpc.JsonRpcClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.daemon.Daemon;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.RestartPolicy;
import io.schedcp.daemon.supervise.SupervisorStatus;
import io.schedcp.mcp.FakeHost.PipedServer;
import io.schedcp.testkit.jsonrpc.JsonRpcClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * run_scheduler, get_execution_status and stop_scheduler when a schedcp daemon runs: a real daemon in this JVM on
 * its Unix socket in the host's home, owning its own manager over the host's fake kernel; the server, spoken to
 * over pipes, reaches it as a client. The SDK checks each structured result against its tool's output schema.
 */
class DaemonClientToolsTest {

    @TempDir
    Path temp;

    private FakeHost host;
    private SchedulerManager daemonManager;
    private Daemon daemon;
    private SchedcpMcpServer server;
    private JsonRpcClient client;

    @BeforeEach
    void setUp() {
        host = new FakeHost(temp);
        daemonManager = host.newManager();
        daemon = Daemon.start(
                daemonManager,
                DaemonSettings.defaults(host.home)
                        .withRestart(new RestartPolicy(1, Duration.ofMillis(50), Duration.ofMillis(50))),
                "test");
        host.daemon(DaemonFinder.of(new SchedcpConfig(
                host.home, Map.of("SCHEDCP_DAEMON_SOCKET", daemon.socket().toString()))));
        PipedServer piped = host.serveOverPipes(false);
        server = piped.server();
        client = piped.client();
        client.initialize();
    }

    @AfterEach
    void tearDown() {
        server.close();
        daemon.close();
        daemonManager.close();
        host.close();
        assertThat(client.garbage())
                .as("lines on stdout that are not protocol messages")
                .isEmpty();
    }

    @Test
    void runSchedulerAsksTheDaemonWhichOwnsWhatRunsAndSaysSo() throws Exception {
        JsonNode started = client.callTool("run_scheduler", Map.of("name", "fake_a"));

        assertThat(started.get("isError").asBoolean()).as(text(started)).isFalse();
        SupervisorStatus status = daemon.supervisor().status();
        assertThat(status.phase()).isEqualTo(Phase.RUNNING);
        JsonNode value = started.get("structuredContent");
        assertThat(value.get("owner").asString()).isEqualTo("daemon");
        assertThat(value.get("daemon_phase").asString()).isEqualTo("RUNNING");
        assertThat(value.get("daemon_socket").asString())
                .isEqualTo(daemon.socket().toString());
        assertThat(value.get("execution_id").asString())
                .isEqualTo(status.executionId().orElseThrow())
                .startsWith("fake_a-");
        assertThat(value.get("scheduler").asString()).isEqualTo("fake:fake_a");
        assertThat(value.get("state").asString()).isEqualTo("RUNNING");
        assertThat(value.has("pid")).isFalse();
        assertThat(value.at("/kernel/ops").asString()).isEqualTo("fake_a");
        assertThat(text(started))
                .contains("The schedcp daemon on " + daemon.socket() + " owns this host's scheduler")
                .contains("stop_scheduler {\"execution_id\": \""
                        + status.executionId().orElseThrow());
        assertThat(host.manager.current())
                .as("the server's own manager started nothing")
                .isEmpty();
        assertThat(daemonManager.current()).isPresent();
        assertThat(host.kernelState()).isEqualTo("enabled");
    }

    @Test
    void theDaemonsExecutionHasItsStatusFromTheDaemon() throws Exception {
        String id = client.callTool("run_scheduler", Map.of("name", "fake_b"))
                .at("/structuredContent/execution_id")
                .asString();

        JsonNode status = client.callTool("get_execution_status", Map.of("execution_id", id));

        assertThat(status.get("isError").asBoolean()).as(text(status)).isFalse();
        JsonNode value = status.get("structuredContent");
        assertThat(value.get("execution_id").asString()).isEqualTo(id);
        assertThat(value.get("state").asString()).isEqualTo("RUNNING");
        assertThat(value.get("running").asBoolean()).isTrue();
        assertThat(value.get("owner").asString()).isEqualTo("daemon");
        assertThat(value.get("daemon_phase").asString()).isEqualTo("RUNNING");
        assertThat(value.get("restarts").asInt()).isZero();
        assertThat(value.get("started_at").asString()).isNotEmpty();
        assertThat(text(status)).contains("owns it: it is RUNNING");
    }

    @Test
    void stopSchedulerAsksTheDaemonToStopAndTheKernelIsBackOnItsDefault() throws Exception {
        String id = client.callTool("run_scheduler", Map.of("name", "fake_a"))
                .at("/structuredContent/execution_id")
                .asString();

        JsonNode stopped = client.callTool("stop_scheduler", Map.of("execution_id", id));

        assertThat(stopped.get("isError").asBoolean()).as(text(stopped)).isFalse();
        assertThat(daemon.supervisor().status().phase()).isEqualTo(Phase.IDLE);
        JsonNode value = stopped.get("structuredContent");
        assertThat(value.get("owner").asString()).isEqualTo("daemon");
        assertThat(value.get("daemon_phase").asString()).isEqualTo("IDLE");
        assertThat(value.get("execution_id").asString()).isEqualTo(id);
        assertThat(value.get("back_to_default").asBoolean()).isTrue();
        assertThat(text(stopped))
                .contains("The schedcp daemon, which owns this host's scheduler, stopped fake:fake_a")
                .contains("the kernel is back on its default scheduler");
        assertThat(host.kernelState()).isEqualTo("disabled");
    }

    @Test
    void stoppingAnExecutionNeitherStartedIsNotFoundAndTheDaemonsSchedulerRunsOn() throws Exception {
        String id = client.callTool("run_scheduler", Map.of("name", "fake_a"))
                .at("/structuredContent/execution_id")
                .asString();

        JsonNode stopped = client.callTool("stop_scheduler", Map.of("execution_id", "fake_b-00000000"));

        assertThat(stopped.get("isError").asBoolean()).isTrue();
        assertThat(text(stopped))
                .contains("no execution fake_b-00000000 runs here")
                .contains("the daemon runs fake:fake_a as execution " + id);
        assertThat(daemon.supervisor().status().phase()).isEqualTo(Phase.RUNNING);
        assertThat(host.kernelState()).isEqualTo("enabled");
    }

    @Test
    void aStartTheDaemonCannotMakeIsAToolErrorThatNamesTheDaemon() throws Exception {
        JsonNode started = client.callTool("run_scheduler", Map.of("name", "fake_missing"));

        assertThat(started.get("isError").asBoolean()).isTrue();
        assertThat(text(started)).contains("fake_missing");
        assertThat(host.kernelState()).isEqualTo("disabled");
    }

    @Test
    void onceTheDaemonIsGoneTheServerRunsSchedulersItselfAsBefore() throws Exception {
        daemon.close();

        JsonNode started = client.callTool("run_scheduler", Map.of("name", "fake_a"));

        assertThat(started.get("isError").asBoolean()).as(text(started)).isFalse();
        assertThat(started.at("/structuredContent/owner").isMissingNode()).isTrue();
        assertThat(started.at("/structuredContent/pid").isNumber()).isTrue();
        assertThat(text(started)).contains("fake_a is running").doesNotContain("daemon");
        assertThat(host.manager.current()).isPresent();
    }
}
