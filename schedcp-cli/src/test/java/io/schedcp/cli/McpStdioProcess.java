package io.schedcp.cli;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/schedcp mcp} as an MCP client runs it: a child process spoken to in JSON-RPC, one message a
 * line on its stdin and stdout. Every line on stdout must be a JSON-RPC message; stderr is kept for failures.
 */
final class McpStdioProcess implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final JsonMapper json = JsonMapper.shared();
    private final Process process;
    private final long startedNanos;
    private final OutputStream stdin;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final List<String> garbage = new CopyOnWriteArrayList<>();
    private final List<JsonNode> unmatched = new CopyOnWriteArrayList<>();
    @SuppressWarnings("JdkObsolete") // synchronized: the reader thread appends while the test reads
    private final StringBuffer err = new StringBuffer();

    private McpStdioProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.stdin = process.getOutputStream();
        daemon(() -> readMessages(process.getInputStream()), "mcp-stdout");
        daemon(() -> readText(process.getErrorStream()), "mcp-stderr");
    }

    static McpStdioProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(LauncherProcess.DIST.resolve("bin/schedcp").toString());
        command.add("mcp");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        long started = System.nanoTime();
        return new McpStdioProcess(builder.start(), started);
    }

    private static void daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void readMessages(InputStream in) {
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
                if (!"2.0".equals(message.path("jsonrpc").asString(""))) {
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
            // The process is gone.
        }
    }

    private void readText(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                err.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            err.append("[stderr read failed: ").append(e.getMessage()).append(']');
        }
    }

    /** Sends a request and returns the whole response, {@code result} or {@code error}. */
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
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return response.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!process.isAlive() && !response.isDone()) {
                    throw new AssertionError("schedcp mcp exited (status " + process.exitValue() + ") without "
                            + "answering " + method + ".\nstderr:\n" + err);
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError("waiting for the answer to " + method + ": " + e);
            }
        }
        throw new AssertionError("no response to " + method + " within " + WAIT + ".\nstderr:\n" + err);
    }

    void notify(String method) {
        send(Map.of("jsonrpc", "2.0", "method", method));
    }

    /** tools/call; returns its result. */
    JsonNode callTool(String name, Map<String, Object> arguments) {
        JsonNode response = request("tools/call", Map.of("name", name, "arguments", arguments));
        if (!response.has("result")) {
            throw new AssertionError(name + " answered with a protocol error: " + response);
        }
        return response.get("result");
    }

    /** How long from launching the process until now. */
    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    /** Responses to no request of ours: the answers to lines sent with {@link #sendLine}. */
    List<JsonNode> unmatched() {
        return List.copyOf(unmatched);
    }

    /** Sends {@code line} as it is, message or not. */
    synchronized void sendLine(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> garbage() {
        return List.copyOf(garbage);
    }

    String err() {
        return err.toString();
    }

    long pid() {
        return process.pid();
    }

    void closeStdin() throws IOException {
        stdin.close();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("schedcp mcp did not exit in " + timeout + ".\nstderr:\n" + err);
        }
        return process.exitValue();
    }

    private synchronized void send(Map<String, Object> message) {
        try {
            stdin.write((json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("schedcp mcp's stdin is closed.\nstderr:\n" + err, e);
        }
    }

    /** The text of a tool result. */
    static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asString("");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
