package io.schedcp.testkit.jsonrpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * A server in this JVM and a {@link JsonRpcClient}, joined by two pipes as stdin and stdout join them across
 * processes. Give the server {@link #serverInput()} and {@link #serverOutput()}; speak to it with {@link #client()}.
 */
public final class PipedConnection {

    /** How long a request over the pipes waits for its answer. */
    public static final Duration WAIT = Duration.ofSeconds(30);
    // Large enough that a burst of notifications never blocks the server while the test is not reading.
    private static final int PIPE_BYTES = 1 << 16;

    private final PipedInputStream serverInput;
    private final PipedOutputStream serverOutput = new PipedOutputStream();
    private final JsonRpcClient client;

    public PipedConnection() {
        try {
            PipedOutputStream clientOutput = new PipedOutputStream();
            serverInput = new PipedInputStream(clientOutput, PIPE_BYTES);
            client = new JsonRpcClient(clientOutput, new PipedInputStream(serverOutput, PIPE_BYTES), WAIT, () -> "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server reads: what the client sends. */
    public InputStream serverInput() {
        return serverInput;
    }

    /** Where the server writes: what the client reads. */
    public OutputStream serverOutput() {
        return serverOutput;
    }

    public JsonRpcClient client() {
        return client;
    }
}
