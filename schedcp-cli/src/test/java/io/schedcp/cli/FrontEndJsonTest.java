package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.bpf.custom.CustomTools;
import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.mcp.SchedcpMcpServer;
import io.schedcp.slo.control.SloSocket;
import io.schedcp.userspace.control.PolicySocket;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** docs/mcp.md's promise: what the MCP server returns is what the CLI's --json prints for the same thing. */
class FrontEndJsonTest {

    /** A scheduler without its GPL license: the source check rejects it, so neither front end needs clang. */
    private static final String UNLICENSED = """
            #include <scx/common.bpf.h>

            void BPF_STRUCT_OPS(tiny_enqueue, struct task_struct *p, u64 enq_flags)
            {
                scx_bpf_dsq_insert(p, SCX_DSQ_GLOBAL, SCX_SLICE_DFL, enq_flags);
            }

            SCX_OPS_DEFINE(tiny_ops,
                           .name = "tiny",
                           .enqueue = (void *)tiny_enqueue);
            """;

    @TempDir
    Path temp;

    @Test
    void createAndRunJsonIsTheStructuredResultOfCreateAndVerifySchedulerForTheSameSource() throws Exception {
        CliFixture fixture = new CliFixture(temp);
        Path source = Files.writeString(temp.resolve("tiny.bpf.c"), UNLICENSED);

        Result cli = fixture.run(fixture.environment(), "create-and-run", source.toString(), "--json");
        JsonNode tool =
                callTool(fixture, "create_and_verify_scheduler", Map.of("name", "tiny", "source_code", UNLICENSED));

        assertThat(cli.code()).isEqualTo(ExitCodes.REJECTED);
        JsonNode printed = SchedcpJson.mapper().readTree(cli.out());
        assertThat(printed.get("created").asBoolean()).isFalse();
        assertThat(printed.get("problems")).isNotEmpty();
        assertThat(tool.get("isError").asBoolean()).isTrue();
        assertThat(tool.get("structuredContent")).isEqualTo(printed);
    }

    @Test
    void sloStatusJsonIsTheStatusTheSloToolReturns() throws Exception {
        CliFixture fixture = new CliFixture(temp);
        FakeSloControl running = FakeSloControl.running(FakeSloControl.sampleStatus());
        fixture.slo = socket -> running;

        Result cli = fixture.run("slo", "status", "--json");
        JsonNode tool = callTool(fixture, "slo", Map.of("action", "status"));

        assertThat(cli.code()).as(cli.err()).isZero();
        assertThat(tool.get("isError").asBoolean()).isFalse();
        assertThat(tool.at("/structuredContent/status"))
                .isEqualTo(SchedcpJson.mapper().readTree(cli.out()));
    }

    /** Serves the fixture's home with a real {@link SchedcpMcpServer} in this JVM and makes one tools/call. */
    @SuppressWarnings("try") // the server serves for the scope of the try block; only its closing is needed
    private static JsonNode callTool(CliFixture fixture, String name, Map<String, Object> arguments) throws Exception {
        Map<String, String> env = fixture.environment();
        SchedcpConfig config = new SchedcpConfig(fixture.home, env);
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream serverInput = new PipedInputStream(client, 1 << 16);
        Lines serverOutput = new Lines();
        try (SchedcpMcpServer server = SchedcpMcpServer.builder()
                .manager(fixture.managers(env).apply(ManagerSettings.DEFAULTS))
                .custom(CustomTools.of(config))
                .workloads(new WorkloadStore(fixture.home))
                .monitors(Monitors.of(config))
                .slo(fixture.slo.apply(SloSocket.in(fixture.home)))
                .policy(fixture.policy.apply(PolicySocket.in(fixture.home)))
                .input(serverInput)
                .output(serverOutput)
                .version("test")
                .start()) {
            send(
                    client,
                    Map.of(
                            "jsonrpc",
                            "2.0",
                            "id",
                            1,
                            "method",
                            "initialize",
                            "params",
                            Map.of(
                                    "protocolVersion",
                                    "2025-06-18",
                                    "capabilities",
                                    Map.of(),
                                    "clientInfo",
                                    Map.of("name", "schedcp-tests", "version", "1"))));
            serverOutput.response(1);
            send(client, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
            send(
                    client,
                    Map.of(
                            "jsonrpc",
                            "2.0",
                            "id",
                            2,
                            "method",
                            "tools/call",
                            "params",
                            Map.of("name", name, "arguments", arguments)));
            return serverOutput.response(2).get("result");
        }
    }

    private static void send(OutputStream client, Map<String, Object> message) throws Exception {
        client.write((SchedcpJson.line(message) + "\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
    }

    /** The server's output, a JSON-RPC message a line. */
    private static final class Lines extends OutputStream {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        /** The response with {@code id}, skipping notifications; fails after 30 s without it. */
        JsonNode response(int id) throws InterruptedException {
            while (true) {
                String next = lines.poll(30, TimeUnit.SECONDS);
                assertThat(next).as("the server's response to request " + id).isNotNull();
                JsonNode message = SchedcpJson.mapper().readTree(next);
                if (message.has("id") && message.get("id").asInt() == id) {
                    return message;
                }
            }
        }
    }
}
