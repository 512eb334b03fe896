package io.schedcp.testkit.jsonrpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON-RPC client of the MCP server as a real client speaks it over stdio: one message a line, requests
 * matched to responses by id, notifications kept in order. Everything the server writes must be a JSON-RPC
 * message; a line that is not is kept as {@link #garbage()}, for the tests to assert there is none.
 */
public class JsonRpcClient {

    private final JsonMapper json = JsonMapper.shared();
    private final OutputStream toServer;
    private final Duration wait;
    private final Supplier<String> diagnostics;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final List<String> garbage = new CopyOnWriteArrayList<>();
    private final List<JsonNode> unmatched = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    /**
     * Speaks to the server on {@code toServer} and reads it on {@code fromServer}, on a thread of its own. A
     * request waits at most {@code wait}; a failure ends with what {@code diagnostics} says, such as the
     * server's stderr.
     */
    public JsonRpcClient(OutputStream toServer, InputStream fromServer, Duration wait, Supplier<String> diagnostics) {
        this.toServer = toServer;
        this.wait = wait;
        this.diagnostics = diagnostics;
        Thread reader = new Thread(() -> read(fromServer), "json-rpc-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                take(line);
            }
        } catch (IOException e) {
            // A closed pipe: the server is gone.
        } finally {
            ended.complete(null);
        }
    }

    private void take(String line) {
        JsonNode message;
        try {
            message = json.readTree(line);
        } catch (RuntimeException e) {
            garbage.add(line);
            return;
        }
        if (!message.path("jsonrpc").asString("").equals("2.0")) {
            garbage.add(line);
        } else if (message.has("id") && !message.has("method")) {
            CompletableFuture<JsonNode> waiting = message.get("id").isNumber()
                    ? pending.remove(message.get("id").asLong())
                    : null;
            if (waiting != null) {
                waiting.complete(message);
            } else {
                unmatched.add(message);
            }
        } else {
            notifications.add(message);
        }
    }

    /** Sends a request and returns the whole response: {@code result} or {@code error}. */
    public JsonNode request(String method, Map<String, Object> params) {
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
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return response.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (ended.isDone() && !response.isDone()) {
                    throw new AssertionError("the server closed its output without answering " + method + " " + params
                            + diagnostics.get());
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError("waiting for the answer to " + method + ": " + e + diagnostics.get());
            }
        }
        throw new AssertionError("no response to " + method + " " + params + " within " + wait + diagnostics.get());
    }

    /** The id of the last request sent. */
    public long lastRequestId() {
        return ids.get();
    }

    public void notify(String method) {
        send(Map.of("jsonrpc", "2.0", "method", method));
    }

    /** initialize as the client schedcp-tests, then notifications/initialized; returns initialize's result. */
    public JsonNode initialize() {
        return initialize("schedcp-tests");
    }

    /** initialize as {@code clientName}, then notifications/initialized; returns initialize's result. */
    public JsonNode initialize(String clientName) {
        JsonNode response = request(
                "initialize",
                Map.of(
                        "protocolVersion",
                        "2025-06-18",
                        "capabilities",
                        Map.of(),
                        "clientInfo",
                        Map.of("name", clientName, "version", "1")));
        notify("notifications/initialized");
        return response.get("result");
    }

    /** tools/call; returns its result (content, structuredContent, isError, _meta), failing on a protocol error. */
    public JsonNode callTool(String name, Map<String, Object> arguments) {
        return resultOf(name, toolsCall(name, arguments));
    }

    /** tools/call; returns the whole response, for a call the server must refuse with a protocol error. */
    public JsonNode toolsCall(String name, Map<String, Object> arguments) {
        return request("tools/call", Map.of("name", name, "arguments", arguments));
    }

    /** tools/call asking for progress notifications under {@code progressToken}. */
    public JsonNode callTool(String name, Map<String, Object> arguments, String progressToken) {
        return resultOf(
                name,
                request(
                        "tools/call",
                        Map.of("name", name, "arguments", arguments, "_meta", Map.of("progressToken", progressToken))));
    }

    private JsonNode resultOf(String tool, JsonNode response) {
        if (!response.has("result")) {
            throw new AssertionError(tool + " answered with a protocol error: " + response + diagnostics.get());
        }
        return response.get("result");
    }

    public List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    /** Responses to no request of this client's: the answers to lines sent with {@link #sendLine}. */
    public List<JsonNode> unmatched() {
        return List.copyOf(unmatched);
    }

    /** Sends {@code line} as it is, message or not. */
    public synchronized void sendLine(String line) {
        try {
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines the server wrote that are not JSON-RPC messages: there must be none. */
    public List<String> garbage() {
        return List.copyOf(garbage);
    }

    /** Closes the server's input, as a client that quits does. */
    public void closeInput() {
        try {
            toServer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed its output within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private synchronized void send(Map<String, Object> message) {
        try {
            toServer.write((json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the server's input is closed" + diagnostics.get(), e);
        }
    }

    /** The names of the tools tools/list gives, in its order. */
    public List<String> toolNames() {
        return values(request("tools/list", null).at("/result/tools"), "name");
    }

    /** The text of {@code field} in each item of {@code array}, such as each tool's name, in order. */
    public static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    /** The text of a tool result's first content item. */
    public static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString("");
    }
}
