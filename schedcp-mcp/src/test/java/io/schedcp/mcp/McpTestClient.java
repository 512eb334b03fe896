package io.schedcp.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON-RPC client of the MCP server as a real client speaks it: one message a line, requests matched to
 * responses by id, notifications kept in order. Everything the server writes must be a JSON-RPC message.
 */
final class McpTestClient {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final JsonMapper json = JsonMapper.shared();
    private final OutputStream toServer;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final List<String> garbage = new CopyOnWriteArrayList<>();
    private final List<JsonNode> unmatched = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    McpTestClient(OutputStream toServer, InputStream fromServer) {
        this.toServer = toServer;
        Thread reader = new Thread(() -> read(fromServer), "mcp-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode message;
                try {
                    message = json.readTree(line);
                } catch (RuntimeException e) {
                    garbage.add(line);
                    continue;
                }
                if (!message.path("jsonrpc").asString("").equals("2.0")) {
                    garbage.add(line);
                } else if (message.has("id") && !message.has("method")) {
                    CompletableFuture<JsonNode> waiting = message.get("id").isNumber()
                            ? pending.remove(message.get("id").asLong()) : null;
                    if (waiting != null) {
                        waiting.complete(message);
                    } else {
                        unmatched.add(message);
                    }
                } else {
                    notifications.add(message);
                }
            }
        } catch (IOException e) {
            // A closed pipe: the server is gone.
        } finally {
            ended.complete(null);
        }
    }

    /** Sends a request and returns the whole response: {@code result} or {@code error}. */
    JsonNode request(String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        if (params != null) {
            message.put("params", params);
        }
        send(message);
        try {
            return response.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no response to " + method + " " + params + " within " + WAIT + ": " + e);
        }
    }

    /** The id of the last request sent. */
    long lastRequestId() {
        return ids.get();
    }

    void notify(String method) {
        send(Map.of("jsonrpc", "2.0", "method", method));
    }

    /** initialize, then notifications/initialized; returns initialize's result. */
    JsonNode initialize() {
        JsonNode response = request("initialize", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "schedcp-tests", "version", "1")));
        notify("notifications/initialized");
        return response.get("result");
    }

    /** tools/call; returns the result (content, structuredContent, isError, _meta). */
    JsonNode callTool(String name, Map<String, Object> arguments) {
        return request("tools/call", Map.of("name", name, "arguments", arguments)).get("result");
    }

    JsonNode callTool(String name, Map<String, Object> arguments, String progressToken) {
        return request("tools/call", Map.of("name", name, "arguments", arguments,
                "_meta", Map.of("progressToken", progressToken))).get("result");
    }

    List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    /** Responses to no request of this client's: the answers to lines sent with {@link #sendLine}. */
    List<JsonNode> unmatched() {
        return List.copyOf(unmatched);
    }

    /** Sends {@code line} as it is, message or not. */
    void sendLine(String line) {
        try {
            synchronized (this) {
                toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                toServer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines the server wrote that are not JSON-RPC messages: there must be none. */
    List<String> garbage() {
        return List.copyOf(garbage);
    }

    void closeInput() {
        try {
            toServer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed its output within {@code timeout}. */
    boolean awaitEnd(Duration timeout) {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private synchronized void send(Map<String, Object> message) {
        try {
            toServer.write((json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the server's input is closed", e);
        }
    }

    /** The text of a tool result's first content item. */
    static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString("");
    }
}
