package io.schedcp.mcp;

import static io.schedcp.testkit.jsonrpc.JsonRpcClient.text;
import static io.schedcp.testkit.jsonrpc.JsonRpcClient.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.manager.Execution;
import io.schedcp.core.manager.ExecutionState;
import io.schedcp.mcp.FakeHost.PipedServer;
import io.schedcp.testkit.jsonrpc.JsonRpcClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server in-process, spoken to over pipes as a client would over stdio. */
class SchedcpMcpServerTest {

    @TempDir
    Path temp;

    private FakeHost host;
    private SchedcpMcpServer server;
    private JsonRpcClient client;

    @BeforeEach
    void setUp() {
        host = new FakeHost(temp);
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        host.close();
        if (client != null) {
            assertThat(client.garbage())
                    .as("lines on stdout that are not protocol messages")
                    .isEmpty();
        }
    }

    private void start(boolean readOnly) {
        connect(readOnly);
        client.initialize();
    }

    /** Starts the server over pipes; the client has not initialized yet. */
    private void connect(boolean readOnly) {
        PipedServer piped = host.serveOverPipes(readOnly);
        server = piped.server();
        client = piped.client();
    }

    @Test
    void initializeNamesTheServerAndItsCapabilities() throws Exception {
        connect(false);

        JsonNode result = client.initialize();

        assertThat(result.at("/serverInfo/name").asString()).isEqualTo("schedcp");
        assertThat(result.at("/serverInfo/version").asString()).isEqualTo("test");
        assertThat(result.at("/capabilities/tools").isObject()).isTrue();
        assertThat(result.at("/capabilities/resources/listChanged").asBoolean()).isTrue();
        assertThat(result.get("instructions").asString())
                .contains(ToolCatalog.names(false))
                .contains("needs root");
    }

    @Test
    void aReadOnlyServersInstructionsNameOnlyTheToolsItOffers() throws Exception {
        connect(true);

        String instructions = client.initialize().get("instructions").asString();

        assertThat(instructions)
                .contains(ToolCatalog.names(true))
                .contains("read-only")
                .doesNotContain("run_scheduler", "benchmark", "workload:");
        assertThat(server.toolNames()).containsExactlyElementsOf(ToolCatalog.names(true));
    }

    @Test
    void everyToolIsListedWithItsSchemas() throws Exception {
        start(false);

        JsonNode tools = client.request("tools/list", null).at("/result/tools");

        assertThat(values(tools, "name"))
                .containsExactly(
                        "list_schedulers",
                        "run_scheduler",
                        "stop_scheduler",
                        "get_execution_status",
                        "create_and_verify_scheduler",
                        "system_monitor",
                        "workload",
                        "recommend_scheduler",
                        "benchmark",
                        "slo",
                        "policy");
        assertThat(server.toolNames()).containsExactlyElementsOf(values(tools, "name"));
        tools.forEach(tool -> {
            assertThat(tool.get("description").asString()).hasSizeGreaterThan(80);
            assertThat(tool.at("/inputSchema/type").asString()).isEqualTo("object");
            assertThat(tool.at("/inputSchema/additionalProperties").asBoolean(true))
                    .isFalse();
            assertThat(tool.at("/outputSchema/type").asString()).isEqualTo("object");
            assertThat(tool.at("/outputSchema/properties").size()).isPositive();
        });
        assertThat(tools.get(0).at("/annotations/readOnlyHint").asBoolean()).isTrue();
        assertThat(tools.get(1).at("/annotations/readOnlyHint").asBoolean()).isFalse();
        assertThat(tools.get(1).at("/inputSchema/required").get(0).asString()).isEqualTo("name");
    }

    @Test
    void aReadOnlyServerOffersOnlyWhatChangesNothing() throws Exception {
        start(true);

        List<String> tools = client.toolNames();
        JsonNode run = client.toolsCall("run_scheduler", Map.of("name", "fake_a"));

        assertThat(tools)
                .containsExactly("list_schedulers", "get_execution_status", "system_monitor", "recommend_scheduler");
        assertThat(run.has("error")).isTrue();
        assertThat(run.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(run.at("/error/message").asString())
                .isEqualTo("invalid params: this server has no tool "
                        + "'run_scheduler'; tools/list gives its tools: get_execution_status, list_schedulers, "
                        + "recommend_scheduler, system_monitor");
        assertThat(host.kernelState()).isEqualTo("disabled");
        assertThat(client.request("resources/list", null)
                        .at("/result/resources")
                        .size())
                .isEqualTo(3);
    }

    @Test
    void runStatusAndStopAnswerWithStructuredContentThatFitsTheirSchemas() throws Exception {
        start(false);

        JsonNode listed = client.callTool("list_schedulers", Map.of("name", "fake_"));
        JsonNode started = client.callTool("run_scheduler", Map.of("name", "fake_a", "args", List.of()));
        String id = started.at("/structuredContent/execution_id").asString();
        JsonNode status = client.callTool("get_execution_status", Map.of("execution_id", id));
        JsonNode stopped = client.callTool("stop_scheduler", Map.of("execution_id", id));

        // The SDK checks each structured result against the tool's output schema: a mismatch is an error.
        for (JsonNode result : List.of(listed, started, status, stopped)) {
            assertThat(result.get("isError").asBoolean()).as(text(result)).isFalse();
            assertThat(result.at("/content/0/type").asString()).isEqualTo("text");
        }
        assertThat(listed.at("/structuredContent/schedulers").size()).isEqualTo(3);
        assertThat(listed.at("/structuredContent/schedulers/2/unavailable_reason")
                        .asString())
                .isEqualTo("fake_missing is not installed; install it");
        assertThat(listed.at("/structuredContent/schedulers/0/descriptor/ops_name")
                        .asString())
                .isEqualTo("fake_a");
        assertThat(started.at("/structuredContent/kernel/state").asString()).isEqualTo("enabled");
        assertThat(text(started)).contains("fake_a is running");
        assertThat(status.at("/structuredContent/state").asString()).isEqualTo("RUNNING");
        assertThat(status.at("/structuredContent/pid").asLong())
                .isEqualTo(started.at("/structuredContent/pid").asLong());
        assertThat(stopped.at("/structuredContent/back_to_default").asBoolean()).isTrue();
        assertThat(stopped.at("/structuredContent/signals/0").asString()).isEqualTo("SIGINT");
        assertThat(host.kernelState()).isEqualTo("disabled");
    }

    @Test
    void badInputComesBackAsAToolErrorThatSaysWhatToDo() throws Exception {
        start(false);

        JsonNode unknownArgument = client.callTool("run_scheduler", Map.of("scheduler", "fake_a"));
        JsonNode missing = client.callTool("stop_scheduler", Map.of());
        JsonNode wrongType = client.callTool("list_schedulers", Map.of("production_ready", "yes"));
        JsonNode unknownScheduler = client.callTool("run_scheduler", Map.of("name", "fake_c"));
        JsonNode unknownExecution = client.callTool("get_execution_status", Map.of("execution_id", "fake_a-0"));

        assertThat(unknownArgument.get("isError").asBoolean()).isTrue();
        assertThat(unknownArgument.at("/_meta/io.schedcp~1error_kind").asString())
                .isEqualTo("invalid_input");
        assertThat(text(unknownArgument))
                .isEqualTo("run_scheduler has no argument 'scheduler'; it takes name, args, replace_foreign");
        assertThat(text(missing))
                .startsWith("stop_scheduler needs the argument 'execution_id' (a string): The id "
                        + "run_scheduler returned");
        assertThat(text(wrongType))
                .startsWith("list_schedulers's argument 'production_ready' must be true or " + "false, not a string");
        assertThat(unknownScheduler.at("/_meta/io.schedcp~1error_kind").asString())
                .isEqualTo("not_found");
        assertThat(text(unknownScheduler))
                .isEqualTo("no scheduler is named 'fake_c' (closest: fake_a, fake_b); "
                        + "call list_schedulers to see every scheduler");
        assertThat(text(unknownExecution)).startsWith("no execution has the id 'fake_a-0'");
        for (JsonNode result : List.of(missing, wrongType, unknownScheduler, unknownExecution)) {
            assertThat(result.get("isError").asBoolean()).isTrue();
            assertThat(result.has("structuredContent")).isFalse();
            assertThat(text(result)).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aKernelWithoutSchedExtIsAToolErrorPointingAtTheLab() throws Exception {
        start(false);
        host.removeSchedExt();

        JsonNode result = client.callTool("run_scheduler", Map.of("name", "fake_a"));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/_meta/io.schedcp~1error_kind").asString()).isEqualTo("no_sched_ext");
        assertThat(text(result)).contains("CONFIG_SCHED_CLASS_EXT", "kernel lab");
    }

    @Test
    void withoutARunningScxSloTheSloToolIsAnUnavailableErrorWithTheClientsMessage() throws Exception {
        start(false);

        JsonNode result = client.callTool("slo", Map.of("action", "status"));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/_meta/io.schedcp~1error_kind").asString()).isEqualTo("unavailable");
        assertThat(text(result)).isEqualTo(FakeSloControl.NOT_RUNNING);
    }

    @Test
    void aVerificationSendsProgressWhenTheClientAsksForIt() throws Exception {
        start(false);

        JsonNode result = client.callTool(
                "create_and_verify_scheduler", Map.of("name", "tiny", "source_code", FakeHost.TINY_SOURCE), "token-7");

        assertThat(result.get("isError").asBoolean()).as(text(result)).isFalse();
        assertThat(result.at("/structuredContent/verified").asBoolean()).isTrue();
        assertThat(result.at("/structuredContent/verification/where").asString())
                .isEqualTo("host");
        List<JsonNode> progress = client.notifications().stream()
                .filter(n -> n.get("method").asString().equals("notifications/progress"))
                .toList();
        assertThat(progress)
                .extracting(n -> n.at("/params/progressToken").asString())
                .containsOnly("token-7");
        assertThat(progress)
                .extracting(n -> n.at("/params/progress").asLong())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(progress)
                .extracting(n -> n.at("/params/message").asString())
                .contains("checking and compiling tiny", "schedcp-verify: loading tiny");
    }

    @Test
    void aRejectedSourceIsAToolErrorWithItsProblemsAndNoProgressWithoutAToken() throws Exception {
        start(false);

        JsonNode result = client.callTool(
                "create_and_verify_scheduler", Map.of("name", "tiny", "source_code", "int main(void) { return 0; }"));

        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(text(result))
                .startsWith("tiny was not created: the source check found these problems:")
                .contains("tiny.bpf.c:1: error: the source does not include <scx/common.bpf.h>");
        assertThat(result.at("/structuredContent/created").asBoolean(true)).isFalse();
        assertThat(result.at("/structuredContent/problems").size()).isPositive();
        assertThat(client.notifications())
                .noneMatch(n -> n.get("method").asString().equals("notifications/progress"));
    }

    @Test
    void eachSchedulerIsAResourceAndNewOnesFollow() throws Exception {
        start(false);

        JsonNode resources = client.request("resources/list", null).at("/result/resources");
        JsonNode read = client.request("resources/read", Map.of("uri", "schedcp://schedulers/fake/fake_missing"))
                .at("/result/contents/0");

        assertThat(values(resources, "uri"))
                .containsExactlyInAnyOrder(
                        "schedcp://schedulers/fake/fake_a",
                        "schedcp://schedulers/fake/fake_b",
                        "schedcp://schedulers/fake/fake_missing");
        assertThat(resources.get(0).get("mimeType").asString()).isEqualTo("application/json");
        assertThat(read.get("mimeType").asString()).isEqualTo("application/json");
        JsonNode descriptor = JsonMapper.shared().readTree(read.get("text").asString());
        assertThat(descriptor.get("qualified_name").asString()).isEqualTo("fake:fake_missing");
        assertThat(descriptor.get("available").asBoolean()).isFalse();
        assertThat(descriptor.at("/descriptor/use_cases/0").asString()).isEqualTo("tests");
        assertThat(client.request("resources/read", Map.of("uri", "schedcp://schedulers/fake/nope"))
                        .has("error"))
                .isTrue();

        client.callTool("create_and_verify_scheduler", Map.of("name", "tiny", "source_code", FakeHost.TINY_SOURCE));

        assertThat(client.notifications())
                .anyMatch(n -> n.get("method").asString().equals("notifications/resources/list_changed"));
        assertThat(values(client.request("resources/list", null).at("/result/resources"), "uri"))
                .contains("schedcp://schedulers/custom/tiny");
    }

    @Test
    void aLineThatIsNotAMessageIsAnsweredWithAnErrorAndTheSessionGoesOn() throws Exception {
        start(false);
        String id = client.callTool("run_scheduler", Map.of("name", "fake_a"))
                .at("/structuredContent/execution_id")
                .asString();

        client.sendLine("this is not JSON");
        client.sendLine("{\"jsonrpc\": \"2.0\", \"id\": 41}");
        JsonNode status = client.callTool("get_execution_status", Map.of("execution_id", id));

        assertThat(status.at("/structuredContent/state").asString()).isEqualTo("RUNNING");
        assertThat(client.unmatched()).hasSize(2);
        assertThat(client.unmatched().get(0).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(client.unmatched().get(0).get("id").isNull()).isTrue();
        assertThat(client.unmatched().get(0).at("/error/message").asString()).contains("not JSON");
        assertThat(client.unmatched().get(1).at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(client.unmatched().get(1).get("id").asInt()).isEqualTo(41);

        // The server still notices the client leave, and stops what it runs.
        client.closeInput();
        assertThat(server.awaitShutdown(Duration.ofSeconds(10))).isTrue();
        server.close();
        assertThat(host.kernelState()).isEqualTo("disabled");
    }

    @Test
    void whenTheClientClosesItsInputTheRunningSchedulerIsStopped() throws Exception {
        start(false);
        String id = client.callTool("run_scheduler", Map.of("name", "fake_b"))
                .at("/structuredContent/execution_id")
                .asString();
        Execution execution = host.manager.execution(id).orElseThrow();

        client.closeInput();

        assertThat(server.awaitShutdown(Duration.ofSeconds(10))).isTrue();
        server.close();
        assertThat(execution.state()).isEqualTo(ExecutionState.STOPPED);
        assertThat(execution.handle().isAlive()).isFalse();
        assertThat(host.kernelState()).isEqualTo("disabled");
    }

    @Test
    @SuppressWarnings("FutureReturnValueIgnored") // the call's answer does not matter, see below
    void closingInterruptsACallUnderWayAndLeavesNoProgramBehind() throws Exception {
        start(false);
        // Its answer may or may not get out before the transport closes; what matters is what is left running.
        CompletableFuture.runAsync(
                () -> client.callTool("run_scheduler", Map.of("name", "fake_a", "args", List.of("--never-enable"))));
        while (host.manager.executions().isEmpty()) {
            Thread.sleep(10);
        }
        Execution execution = host.manager.executions().get(0);

        long start = System.nanoTime();
        server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(execution.state()).isEqualTo(ExecutionState.FAILED);
        // An interrupted start ends its program with SIGKILL without waiting; it is gone a moment later.
        assertThat(execution.handle().awaitExit(Duration.ofSeconds(2))).isPresent();
        assertThat(host.manager.current()).isEmpty();
    }

    @Test
    void paramsThatAreNotAnObjectAreInvalidParamsAndTheAnswerHasNoInternals() throws Exception {
        start(false);

        client.sendLine("{\"jsonrpc\": \"2.0\", \"id\": 51, \"method\": \"tools/call\", \"params\": \"str\"}");
        client.sendLine(
                "{\"jsonrpc\": \"2.0\", \"id\": 52, \"method\": \"tools/call\", \"params\": " + "{\"arguments\": {}}}");
        client.sendLine("{\"jsonrpc\": \"2.0\", \"id\": 53, \"method\": \"resources/read\", \"params\": [1]}");
        JsonNode listed = client.request("tools/list", null);

        assertThat(listed.has("result")).isTrue();
        assertThat(client.unmatched()).hasSize(3);
        assertThat(client.unmatched()).extracting(m -> m.get("id").asInt()).containsExactly(51, 52, 53);
        assertThat(client.unmatched()).allSatisfy(m -> {
            assertThat(m.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(m.at("/error/message").asString())
                    .startsWith("invalid params: ")
                    .doesNotContain("Exception", "java.", "io.modelcontextprotocol", "tools.jackson");
        });
        assertThat(client.unmatched().get(0).at("/error/message").asString())
                .isEqualTo("invalid params: the params of tools/call must be a JSON object, not a string");
        assertThat(client.unmatched().get(1).at("/error/message").asString()).contains("\"name\"", "tools/list");
    }

    @Test
    void aCancelledCallIsInterruptedAndItsProgramStopped() throws Exception {
        start(false);
        CompletableFuture<JsonNode> call = CompletableFuture.supplyAsync(
                () -> client.callTool("run_scheduler", Map.of("name", "fake_a", "args", List.of("--never-enable"))));
        while (host.manager.executions().isEmpty()) {
            Thread.sleep(10);
        }
        Execution execution = host.manager.executions().get(0);

        long cancelled = System.nanoTime();
        client.sendLine("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/cancelled\", \"params\": "
                + "{\"requestId\": " + client.lastRequestId() + ", \"reason\": \"the user changed their mind\"}}");
        JsonNode result = call.get(10, java.util.concurrent.TimeUnit.SECONDS);

        // The start timeout is 3 s: the answer came from the cancellation, not from the time running out.
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofMillis(2500));
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/_meta/io.schedcp~1error_kind").asString()).isEqualTo("cancelled");
        assertThat(text(result))
                .startsWith("the client cancelled this run_scheduler call, so it was stopped before "
                        + "it finished: the start of fake_a was interrupted");
        assertThat(execution.state()).isEqualTo(ExecutionState.FAILED);
        assertThat(execution.handle().awaitExit(Duration.ofSeconds(2))).isPresent();
        assertThat(host.manager.current()).isEmpty();
        // The session goes on.
        assertThat(client.callTool("list_schedulers", Map.of()).get("isError").asBoolean())
                .isFalse();
    }

    @Test
    void atMostFourMonitorsRunAtOnceAndTheRefusalSaysHowToStopOne() throws Exception {
        start(false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode started = client.callTool("system_monitor", Map.of("command", "start", "interval_ms", 1000));
            assertThat(started.get("isError").asBoolean()).as(text(started)).isFalse();
            ids.add(started.at("/structuredContent/monitor_id").asString());
        }

        JsonNode fifth = client.callTool("system_monitor", Map.of("command", "start"));

        assertThat(fifth.get("isError").asBoolean()).isTrue();
        assertThat(fifth.at("/_meta/io.schedcp~1error_kind").asString()).isEqualTo("invalid_input");
        assertThat(text(fifth))
                .isEqualTo("cannot start another monitor: 4 run already (" + String.join(", ", ids)
                        + "), the most this server runs at once; stop one with system_monitor {\"command\": \"stop\", "
                        + "\"monitor_id\": \"" + ids.get(0) + "\"} and start again");
        client.callTool("system_monitor", Map.of("command", "stop", "monitor_id", ids.get(0)));
        assertThat(client.callTool("system_monitor", Map.of("command", "start"))
                        .get("isError")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void everyFailureOfCreateAndVerifyNamesItsErrorKind() throws Exception {
        start(false);

        JsonNode rejected = client.callTool(
                "create_and_verify_scheduler", Map.of("name", "bad", "source_code", "int main(void) { return 0; }"));
        host.verificationPasses(false);
        JsonNode failedVerification = client.callTool(
                "create_and_verify_scheduler", Map.of("name", "tiny", "source_code", FakeHost.TINY_SOURCE));

        for (JsonNode result : List.of(rejected, failedVerification)) {
            assertThat(result.get("isError").asBoolean()).as(text(result)).isTrue();
            assertThat(result.at("/_meta/io.schedcp~1error_kind").asString()).isEqualTo("rejected");
        }
        assertThat(text(failedVerification)).contains("runnable task stall");
    }

    @Test
    void aHugeValueIsNotEchoedWholeInTheAnswer() throws Exception {
        start(false);
        String huge = "x".repeat(1 << 20);

        // Jackson itself refuses names of 50,000 characters or more, so the long argument name is shorter.
        String longName = "y".repeat(10_000);

        JsonNode badName = client.callTool("run_scheduler", Map.of("name", huge));
        JsonNode badId = client.callTool("get_execution_status", Map.of("execution_id", huge));
        JsonNode badArgument = client.callTool("run_scheduler", Map.of(longName, "fake_a"));

        for (JsonNode result : List.of(badName, badId)) {
            assertThat(result.get("isError").asBoolean()).isTrue();
            assertThat(text(result))
                    .hasSizeLessThan(600)
                    .contains("x".repeat(80) + "... (1048576 characters)")
                    .doesNotContain("x".repeat(81));
        }
        assertThat(text(badName)).startsWith("no scheduler is named '" + "x".repeat(80) + "... (1048576 characters)'");
        JsonNode badTool = client.toolsCall(huge, Map.of());
        assertThat(badTool.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(badTool.at("/error/message").asString())
                .hasSizeLessThan(600)
                .contains("x".repeat(80) + "... (1048576 characters)");
        assertThat(text(badArgument))
                .hasSizeLessThan(600)
                .contains("y".repeat(80) + "... (10000 characters)")
                .doesNotContain("y".repeat(81));
    }
}
