package io.schedcp.testkit.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the client sorts what a server writes, which the MCP tests rely on to find stray output: answers by id,
 * notifications, and lines that are not JSON-RPC messages.
 */
class JsonRpcClientTest {

    private final PipedConnection pipes = new PipedConnection();

    /** Plays a server that reads one request, then writes {@code before}, then the answer, then closes. */
    private CompletableFuture<Void> serve(String... before) {
        return CompletableFuture.runAsync(() -> {
            try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(pipes.serverInput(), StandardCharsets.UTF_8));
                    OutputStream out = pipes.serverOutput()) {
                JsonNode request = JsonMapper.shared().readTree(in.readLine());
                for (String line : before) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id").asLong() + ",\"result\":{\"method\":\""
                                + request.get("method").asString() + "\"}}\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anAnswerIsMatchedToItsRequestAndEverythingElseIsSortedAside() {
        JsonRpcClient client = pipes.client();
        CompletableFuture<Void> server = serve(
                "schedcp: a stray line",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{}}",
                "{\"no\":\"version\"}");

        JsonNode response = client.request("ping", Map.of());

        assertThat(response.at("/result/method").asString()).isEqualTo("ping");
        assertThat(client.notifications())
                .extracting(n -> n.get("method").asString())
                .containsExactly("notifications/progress");
        assertThat(client.unmatched()).extracting(n -> n.get("id").asInt()).containsExactly(99);
        assertThat(client.garbage()).containsExactly("schedcp: a stray line", "{\"no\":\"version\"}");
        server.join();
    }

    @Test
    void aServerThatClosesItsOutputWithoutAnsweringFailsTheRequestAtOnce() throws Exception {
        JsonRpcClient client = pipes.client();
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(pipes.serverInput(), StandardCharsets.UTF_8))) {
                in.readLine();
                pipes.serverOutput().close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.request("tools/list", null))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the server closed its output without answering tools/list");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PipedConnection.WAIT);
        server.join();
    }
}
