package io.schedcp.mcp;

import static io.schedcp.testkit.jsonrpc.JsonRpcClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.mcp.FakeHost.PipedServer;
import io.schedcp.testkit.jsonrpc.JsonRpcClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The library's errors as an MCP client sees them: the library's fact, then advice that names this server's
 * tools and arguments and never a schedcp command or flag. The CLI's words for the same errors are in the CLI's
 * CliAdviceTest.
 */
class ToolAdviceTest {

    @TempDir
    Path temp;

    private FakeHost host;
    private SchedcpMcpServer server;
    private JsonRpcClient client;

    @BeforeEach
    void setUp() {
        host = new FakeHost(temp);
        PipedServer piped = host.serveOverPipes(false);
        server = piped.server();
        client = piped.client();
        client.initialize();
    }

    @AfterEach
    void tearDown() {
        server.close();
        host.close();
    }

    /** The text of a call that failed with {@code kind}; it names no CLI command or flag. */
    private String error(String tool, Map<String, Object> arguments, String kind) {
        JsonNode result = client.callTool(tool, arguments);
        assertThat(result.get("isError").asBoolean()).as(text(result)).isTrue();
        assertThat(result.at("/_meta/io.schedcp~1error_kind").asString()).isEqualTo(kind);
        assertThat(text(result))
                .doesNotContain(
                        "schedcp list", "schedcp workload", "schedcp verify", "schedcp remove", "schedcp create", "--");
        return text(result);
    }

    @Test
    void anUnknownSchedulerNameGetsTheClosestNamesThenTheListTool() {
        assertThat(error("run_scheduler", Map.of("name", "fake_c"), "not_found"))
                .isEqualTo("no scheduler is named 'fake_c' (closest: fake_a, fake_b); call list_schedulers to see "
                        + "every scheduler");
    }

    @Test
    void anUnknownExecutionIdSaysWhichToolReturnsThem() {
        String none = error("get_execution_status", Map.of("execution_id", "fake_a-0"), "not_found");
        String id = client.callTool("run_scheduler", Map.of("name", "fake_a"))
                .at("/structuredContent/execution_id")
                .asString();
        String some = error("stop_scheduler", Map.of("execution_id", "fake_a-0"), "not_found");

        String advice = "; run_scheduler returns the id of each execution it starts, and this server knows only those";
        assertThat(none)
                .isEqualTo("no execution has the id 'fake_a-0'; this schedcp has started no scheduler" + advice);
        assertThat(some).isEqualTo("no execution has the id 'fake_a-0'; the newest are " + id + advice);
    }

    @Test
    void anUnknownWorkloadSaysHowToCreateOneOrListThemWithTheWorkloadTool() {
        String none = error("workload", Map.of("command", "get_history", "workload_id", "w-00000000"), "not_found");
        String id = client.callTool("workload", Map.of("command", "create", "description", "gaming"))
                .at("/structuredContent/workload/id")
                .asString();
        String some = error("workload", Map.of("command", "get_history", "workload_id", "w-00000000"), "not_found");

        assertThat(none)
                .isEqualTo("there is no workload 'w-00000000'; there are no workloads yet; create one with "
                        + "workload {\"command\": \"create\", \"description\": \"...\"}");
        assertThat(some)
                .isEqualTo("there is no workload 'w-00000000'; the workloads are " + id + " (gaming); "
                        + "workload {\"command\": \"list\"} lists them all");
    }

    @Test
    void aBenchmarkPlanOutOfRangeOrRepeatingASchedulerNamesTheArguments() {
        String id = client.callTool("workload", Map.of("command", "create", "description", "hackbench"))
                .at("/structuredContent/workload/id")
                .asString();

        String runs = error(
                "benchmark",
                Map.of("workload_id", id, "schedulers", List.of("default"), "command", List.of("true"), "runs", 0),
                "invalid_input");
        String twice = error(
                "benchmark",
                Map.of("workload_id", id, "schedulers", List.of("default", "default"), "command", List.of("true")),
                "invalid_input");

        assertThat(runs)
                .isEqualTo("0 runs per scheduler is out of range: 1 to 100; give benchmark's runs a value "
                        + "from 1 to 100");
        assertThat(twice)
                .isEqualTo("default is named twice among the schedulers to compare [default, default]; "
                        + "name each scheduler once in benchmark's schedulers, and raise runs for more runs of each");
    }

    @Test
    void aCustomSchedulerThatFailedVerificationSaysWhatThisServerCanDoAboutIt() {
        host.verificationPasses(false);

        JsonNode created = client.callTool(
                "create_and_verify_scheduler", Map.of("name", "tiny", "source_code", FakeHost.TINY_SOURCE));
        String start = error("run_scheduler", Map.of("name", "custom:tiny"), "unavailable");
        JsonNode listed = client.callTool("list_schedulers", Map.of("name", "custom:tiny"));

        String advice = "fix the source and call create_and_verify_scheduler with it under a new name";
        assertThat(created.at("/_meta/io.schedcp~1error_kind").asString()).isEqualTo("rejected");
        assertThat(text(created))
                .startsWith("tiny failed verification (run, host): the kernel disabled it: " + "runnable task stall")
                .endsWith("custom:tiny is stored but cannot run until it passes; " + advice + ".")
                .doesNotContain("schedcp remove");
        assertThat(start)
                .isEqualTo("cannot start custom:tiny: its last verification failed (run): the kernel "
                        + "disabled it: runnable task stall; " + advice);
        assertThat(listed.at("/structuredContent/schedulers/0/unavailable_reason")
                        .asString())
                .isEqualTo(
                        "its last verification failed (run): the kernel disabled it: runnable task stall; " + advice);
    }

    @Test
    void aTakenCustomNameAsksForAnotherNameSinceNoToolRemovesOne() {
        client.callTool("create_and_verify_scheduler", Map.of("name", "tiny", "source_code", FakeHost.TINY_SOURCE));

        assertThat(error(
                        "create_and_verify_scheduler",
                        Map.of("name", "tiny", "source_code", FakeHost.TINY_SOURCE),
                        "invalid_input"))
                .isEqualTo("a custom scheduler named 'tiny' exists already; give "
                        + "create_and_verify_scheduler another name (no tool of this server removes one)");
    }
}
