package io.schedcp.cli;

import static io.schedcp.testkit.jsonrpc.JsonRpcClient.text;
import static io.schedcp.testkit.jsonrpc.JsonRpcClient.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code schedcp mcp} from the packaged launcher, driven over stdio as an MCP client drives it, with a fake
 * sysfs and a fake scx_simple playing the kernel. Prints the server's cold start and a list_schedulers
 * call's latency.
 */
class McpServerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> TOOLS = List.of(
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

    @TempDir
    Path temp;

    private CliFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp).install("scx_simple");
    }

    private static Optional<JsonNode> find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.get(field).asString().equals(value)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    @Test
    void aClientRunsAndStopsASchedulerAndTheServerLeavesNothingRunningWhenStdinCloses() throws Exception {
        try (McpStdioProcess mcp = McpStdioProcess.start(fixture.environment())) {
            JsonNode init = mcp.initialize("McpServerIT");
            Duration coldStart = mcp.sinceLaunch();
            assertThat(init.at("/serverInfo/name").asString()).isEqualTo("schedcp");

            JsonNode tools = mcp.request("tools/list", null).at("/result/tools");
            assertThat(values(tools, "name")).containsExactlyElementsOf(TOOLS);
            tools.forEach(tool -> {
                assertThat(tool.at("/inputSchema/type").asString()).isEqualTo("object");
                assertThat(tool.at("/outputSchema/type").asString()).isEqualTo("object");
            });

            JsonNode listed = mcp.callTool("list_schedulers", Map.of());
            assertThat(listed.get("isError").asBoolean()).as(text(listed)).isFalse();
            JsonNode schedulers = listed.at("/structuredContent/schedulers");
            assertThat(find(schedulers, "name", "scx_simple")
                            .orElseThrow()
                            .get("available")
                            .asBoolean())
                    .isTrue();
            assertThat(find(schedulers, "name", "scx_lavd")
                            .orElseThrow()
                            .get("unavailable_reason")
                            .asString())
                    .contains("scx_lavd is not installed");
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                mcp.callTool("list_schedulers", Map.of());
                latencies.add(System.nanoTime() - start);
            }
            Collections.sort(latencies);
            System.out.printf(
                    "schedcp mcp: cold start (launch to initialize response) %d ms; list_schedulers "
                            + "median of 20 %.1f ms (min %.1f, max %.1f)%n",
                    coldStart.toMillis(),
                    (latencies.get(9) + latencies.get(10)) / 2e6,
                    latencies.get(0) / 1e6,
                    latencies.get(19) / 1e6);

            JsonNode started = mcp.callTool("run_scheduler", Map.of("name", "scx_simple"));
            assertThat(started.get("isError").asBoolean()).as(text(started)).isFalse();
            String id = started.at("/structuredContent/execution_id").asString();
            long schedulerPid = started.at("/structuredContent/pid").asLong();
            assertThat(started.at("/structuredContent/kernel/ops").asString()).isEqualTo("simple");
            assertThat(fixture.kernelState()).isEqualTo("enabled");

            JsonNode status = mcp.callTool("get_execution_status", Map.of("execution_id", id));
            assertThat(status.at("/structuredContent/state").asString()).isEqualTo("RUNNING");
            assertThat(status.at("/structuredContent/scheduler").asString()).isEqualTo("scx:scx_simple");
            assertThat(status.at("/structuredContent/pid").asLong()).isEqualTo(schedulerPid);
            assertThat(status.at("/structuredContent/kernel/state").asString()).isEqualTo("enabled");
            assertThat(text(status)).contains(id + ": scx:scx_simple, RUNNING");

            JsonNode stopped = mcp.callTool("stop_scheduler", Map.of("execution_id", id));
            assertThat(stopped.get("isError").asBoolean()).as(text(stopped)).isFalse();
            assertThat(stopped.at("/structuredContent/back_to_default").asBoolean())
                    .isTrue();
            assertThat(stopped.at("/structuredContent/last_output").toString()).contains("EXIT: unregistered");
            assertThat(text(stopped)).contains("the kernel is back on its default scheduler");
            assertThat(fixture.kernelState()).isEqualTo("disabled");
            assertThat(ProcessHandle.of(schedulerPid)
                            .map(ProcessHandle::isAlive)
                            .orElse(false))
                    .isFalse();

            // Started again and left running: closing stdin must stop it.
            JsonNode again = mcp.callTool("run_scheduler", Map.of("name", "scx:scx_simple"));
            long againPid = again.at("/structuredContent/pid").asLong();
            assertThat(fixture.kernelState()).isEqualTo("enabled");

            mcp.closeInput();

            assertThat(mcp.awaitExit(WAIT)).isZero();
            assertThat(fixture.kernelState()).isEqualTo("disabled");
            assertThat(ProcessHandle.of(againPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(mcp.garbage())
                    .as("lines on stdout that are not JSON-RPC")
                    .isEmpty();
            assertThat(mcp.err()).doesNotContain("Exception");
        }
        String log = Files.readString(fixture.home.resolve("schedcp.log"));
        assertThat(log)
                .contains(
                        "command: schedcp mcp",
                        "tool run_scheduler {name=scx_simple}",
                        "the client closed its input; shutting down",
                        "mcp server closed");
    }

    @Test
    void aClientMonitorsBenchmarksAndGetsARecommendationWithStructuredResults() throws Exception {
        try (McpStdioProcess mcp = McpStdioProcess.start(fixture.environment())) {
            mcp.initialize("McpServerIT");

            JsonNode monitor = mcp.callTool("system_monitor", Map.of("command", "start", "interval_ms", 100));
            assertThat(monitor.get("isError").asBoolean()).as(text(monitor)).isFalse();
            JsonNode created = mcp.callTool(
                    "workload", Map.of("command", "create", "description", "hackbench: processes passing messages"));
            assertThat(created.get("isError").asBoolean()).as(text(created)).isFalse();
            String workload = created.at("/structuredContent/workload/id").asString();
            String timed = "sleep 0.2; if grep -q '^enabled' " + fixture.sysfs.resolve("state")
                    + "; then echo 'Time: 0.5'; else echo 'Time: 1.0'; fi";
            JsonNode bench = mcp.callTool(
                    "benchmark",
                    Map.of(
                            "workload_id",
                            workload,
                            "schedulers",
                            List.of("default", "scx_simple"),
                            "command",
                            List.of("/bin/sh", "-c", timed),
                            "runs",
                            1));
            assertThat(bench.get("isError").asBoolean()).as(text(bench)).isFalse();
            assertThat(bench.at("/structuredContent/runs").size()).isEqualTo(2);
            assertThat(text(bench)).contains("scx_simple").contains("(0.50x)");
            JsonNode history = mcp.callTool("workload", Map.of("command", "get_history", "workload_id", workload));
            assertThat(history.at("/structuredContent/history").size()).isEqualTo(2);
            JsonNode ranked = mcp.callTool("recommend_scheduler", Map.of("workload_id", workload));
            assertThat(ranked.get("isError").asBoolean()).as(text(ranked)).isFalse();
            assertThat(ranked.at("/structuredContent/recommendations/0/scheduler")
                            .asString())
                    .isEqualTo("scx_simple");
            JsonNode summary = mcp.callTool("system_monitor", Map.of("command", "stop"));
            assertThat(summary.get("isError").asBoolean()).as(text(summary)).isFalse();
            assertThat(summary.at("/structuredContent/summary/sample_count").asInt())
                    .isPositive();
            assertThat(fixture.kernelState()).isEqualTo("disabled");
        }
    }

    @Test
    void badCallsAreToolErrorsThatSayWhatToDo() throws Exception {
        try (McpStdioProcess mcp = McpStdioProcess.start(fixture.environment())) {
            mcp.initialize("McpServerIT");

            JsonNode unknownArgument = mcp.callTool("run_scheduler", Map.of("name", "scx_simple", "speed", "max"));
            JsonNode unknownScheduler = mcp.callTool("run_scheduler", Map.of("name", "scx_simpel"));
            JsonNode unknownExecution = mcp.callTool("stop_scheduler", Map.of("execution_id", "scx_simple-00000000"));
            JsonNode rejected = mcp.callTool(
                    "create_and_verify_scheduler",
                    Map.of("name", "broken", "source_code", "/* no scheduler here */\nint x;\n"));
            JsonNode unknownTool = mcp.toolsCall("format_disk", Map.of());
            mcp.sendLine("{\"jsonrpc\": \"2.0\", \"method\": \"tools/call\", \"id\": 99, oops}");
            JsonNode afterGarbage = mcp.callTool("list_schedulers", Map.of("name", "simple"));

            assertThat(unknownArgument.get("isError").asBoolean()).isTrue();
            assertThat(text(unknownArgument))
                    .isEqualTo("run_scheduler has no argument 'speed'; it takes name, args, replace_foreign");
            assertThat(unknownScheduler.get("isError").asBoolean()).isTrue();
            assertThat(text(unknownScheduler))
                    .startsWith("no scheduler is named 'scx_simpel' (closest: scx_simple")
                    .endsWith("; call list_schedulers to see every scheduler")
                    .doesNotContain("schedcp list");
            assertThat(unknownExecution.get("isError").asBoolean()).isTrue();
            assertThat(text(unknownExecution))
                    .isEqualTo("no execution has the id 'scx_simple-00000000'; this schedcp "
                            + "has started no scheduler; run_scheduler returns the id of each execution it starts, and this "
                            + "server knows only those");
            assertThat(rejected.get("isError").asBoolean()).isTrue();
            assertThat(text(rejected))
                    .startsWith("broken was not created: the source check found these problems:")
                    .contains("broken.bpf.c:1: error: the source does not include <scx/common.bpf.h>")
                    .contains("license");
            assertThat(rejected.at("/structuredContent/problems").size()).isGreaterThan(1);
            assertThat(unknownTool.at("/error/message").asString())
                    .startsWith("invalid params: this server has no tool 'format_disk'");
            assertThat(mcp.unmatched())
                    .singleElement()
                    .satisfies(
                            error -> assertThat(error.at("/error/code").asInt()).isEqualTo(-32700));
            assertThat(afterGarbage.get("isError").asBoolean()).isFalse();
            assertThat(fixture.kernelState()).isEqualTo("disabled");

            mcp.closeInput();
            assertThat(mcp.awaitExit(WAIT)).isZero();
            assertThat(mcp.garbage()).isEmpty();
            assertThat(mcp.err()).doesNotContain("Exception");
        }
    }

    @Test
    void eachSchedulerIsAResourceAClientCanRead() throws Exception {
        try (McpStdioProcess mcp = McpStdioProcess.start(fixture.environment())) {
            mcp.initialize("McpServerIT");

            JsonNode resources = mcp.request("resources/list", null).at("/result/resources");
            JsonNode contents = mcp.request("resources/read", Map.of("uri", "schedcp://schedulers/scx/scx_lavd"))
                    .at("/result/contents/0");

            assertThat(values(resources, "uri"))
                    .contains(
                            "schedcp://schedulers/scx/scx_simple",
                            "schedcp://schedulers/scx/scx_lavd",
                            "schedcp://schedulers/slo/scx_slo",
                            "schedcp://schedulers/userspace/scx_userspace")
                    .hasSize(23);
            assertThat(contents.get("mimeType").asString()).isEqualTo("application/json");
            JsonNode lavd = JsonMapper.shared().readTree(contents.get("text").asString());
            assertThat(lavd.get("qualified_name").asString()).isEqualTo("scx:scx_lavd");
            assertThat(lavd.at("/descriptor/production_ready").asBoolean()).isTrue();
            assertThat(lavd.at("/descriptor/tuning_parameters").size()).isPositive();
            assertThat(lavd.get("available").asBoolean()).isFalse();
            mcp.closeInput();
            assertThat(mcp.awaitExit(WAIT)).isZero();
        }
    }

    @Test
    void sigtermStopsTheRunningSchedulerBeforeTheServerExits() throws Exception {
        try (McpStdioProcess mcp = McpStdioProcess.start(fixture.environment())) {
            mcp.initialize("McpServerIT");
            long pid = mcp.callTool("run_scheduler", Map.of("name", "scx_simple"))
                    .at("/structuredContent/pid")
                    .asLong();
            assertThat(fixture.kernelState()).isEqualTo("enabled");

            LauncherProcess.signal("TERM", mcp.pid());

            assertThat(mcp.awaitExit(WAIT)).isZero();
            assertThat(fixture.kernelState()).isEqualTo("disabled");
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
        }
    }

    @Test
    void readOnlyOffersOnlyTheToolsThatChangeNothing() throws Exception {
        try (McpStdioProcess mcp = McpStdioProcess.start(fixture.environment(), "--read-only")) {
            mcp.initialize("McpServerIT");

            List<String> tools = mcp.toolNames();
            JsonNode run = mcp.toolsCall("run_scheduler", Map.of("name", "scx_simple"));

            assertThat(tools)
                    .containsExactly(
                            "list_schedulers", "get_execution_status", "system_monitor", "recommend_scheduler");
            assertThat(run.has("error")).isTrue();
            assertThat(fixture.kernelState()).isEqualTo("disabled");
            mcp.closeInput();
            assertThat(mcp.awaitExit(WAIT)).isZero();
        }
    }
}
