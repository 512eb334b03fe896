package io.schedcp.core.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One connection of a {@link ControlClient} to an agent's socket: a request line out, a response line back, under
 * one deadline. It waits in a selector rather than a blocking read, since a Unix socket channel has no read
 * timeout and a hung agent must not hang its client.
 */
public final class ControlConnection implements AutoCloseable {

    /** A status of every group of scx_slo is some 100 KiB; far more is not an agent talking. */
    public static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

    /** The agent did not answer by the deadline. */
    public static final class TimedOutException extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOutException(Duration timeout) {
            super("no answer within " + timeout.toMillis() + " ms");
        }
    }

    private final SocketChannel channel;

    private ControlConnection(SocketChannel channel) {
        this.channel = channel;
    }

    /** @throws IOException when nothing listens on {@code socket} or it may not be connected to */
    public static ControlConnection open(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            return new ControlConnection(channel);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Sends {@code requestLine} and returns the line that answers it, without their newlines. */
    public String exchange(String requestLine, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Selector selector = Selector.open()) {
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
            ByteBuffer out = ByteBuffer.wrap((requestLine + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                await(selector, deadline, timeout);
                channel.write(out);
            }
            key.interestOps(SelectionKey.OP_READ);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (true) {
                await(selector, deadline, timeout);
                in.clear();
                if (channel.read(in) < 0) {
                    throw new IOException("the agent closed the connection without an answer");
                }
                in.flip();
                while (in.hasRemaining()) {
                    byte b = in.get();
                    if (b == '\n') {
                        return line.toString(StandardCharsets.UTF_8);
                    }
                    line.write(b);
                }
                if (line.size() > MAX_RESPONSE_BYTES) {
                    throw new IOException("the answer is longer than " + MAX_RESPONSE_BYTES + " bytes");
                }
            }
        }
    }

    private static void await(Selector selector, long deadline, Duration timeout) throws IOException {
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new TimedOutException(timeout);
            }
            if (selector.select(leftMs) > 0) {
                // A key stays selected until removed, and select() counts only keys newly selected.
                selector.selectedKeys().clear();
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
