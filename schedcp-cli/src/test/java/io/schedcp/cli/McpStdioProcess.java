package io.schedcp.cli;

import io.schedcp.testkit.jsonrpc.JsonRpcClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/schedcp mcp} as an MCP client runs it: a child process spoken to by the test kit's JSON-RPC
 * client, one message a line on its stdin and stdout. Every line on stdout must be a JSON-RPC message; stderr
 * is kept for failures.
 */
final class McpStdioProcess extends JsonRpcClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final Process process;
    private final long startedNanos;

    @SuppressWarnings("JdkObsolete") // synchronized: the reader thread appends while the test reads
    private final StringBuffer err;

    private McpStdioProcess(Process process, long startedNanos, StringBuffer err) {
        super(process.getOutputStream(), process.getInputStream(), WAIT, () -> describe(process, err));
        this.process = process;
        this.startedNanos = startedNanos;
        this.err = err;
        LauncherProcess.pump(process.getErrorStream(), err);
    }

    @SuppressWarnings("JdkObsolete") // synchronized: the reader thread appends while the test reads
    static McpStdioProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("mcp");
        command.addAll(List.of(args));
        ProcessBuilder builder = LauncherProcess.builder(LauncherProcess.DIST, env, command.toArray(String[]::new));
        long started = System.nanoTime();
        return new McpStdioProcess(builder.start(), started, new StringBuffer());
    }

    /** What a failed request adds to its message: whether schedcp mcp still runs, and its stderr. */
    private static String describe(Process process, StringBuffer err) {
        String state = process.isAlive()
                ? "schedcp mcp still runs"
                : "schedcp mcp exited (status " + process.exitValue() + ")";
        return ".\n" + state + "; its stderr:\n" + err;
    }

    /** How long from launching the process until now. */
    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    String err() {
        return err.toString();
    }

    long pid() {
        return process.pid();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("schedcp mcp did not exit in " + timeout + ".\nstderr:\n" + err);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
