package io.schedcp.core.control;

import io.schedcp.api.SchedcpException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's control socket: serves a {@link ControlHandler} on a Unix socket to {@link ControlClient}s and to
 * scx_stats' clients. Each connection has a daemon thread and may send several requests, one per line; the
 * handler is therefore called from several threads at once. The socket is its owner's alone (mode 0600),
 * since an agent's requests change the scheduling of the whole machine.
 */
public final class ControlServer implements AutoCloseable {

    /** The longest request line; a request is a few hundred bytes, so a longer one is a mistake or an attack. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path socket;
    private final String agent;
    private final ServerSocketChannel server;
    private final ControlHandler handler;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Thread acceptor;

    private ControlServer(Path socket, String agent, ServerSocketChannel server, ControlHandler handler) {
        this.socket = socket;
        this.agent = agent;
        this.server = server;
        this.handler = handler;
        this.acceptor = new Thread(this::accept, agent + "-stats-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code socket}, in place of a socket file that a killed agent left behind.
     *
     * @param agent the scheduler whose agent this is, such as {@code scx_slo}, for messages and thread names
     * @throws SchedcpException START_FAILED when another agent answers on {@code socket} or it cannot be bound
     */
    public static ControlServer start(Path socket, ControlHandler handler, String agent) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(agent, "agent");
        removeStale(socket, agent);
        ControlServer stats = new ControlServer(socket, agent, bind(socket, agent), handler);
        stats.acceptor.start();
        return stats;
    }

    public Path socket() {
        return socket;
    }

    /** Stops accepting, ends the connections and removes the socket file. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(server);
        connections.forEach(ControlServer::closeQuietly);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("could not remove {}'s socket {}: {}", agent, socket, e.toString());
        }
    }

    private static void removeStale(Path socket, String agent) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (answers(socket)) {
            throw new SchedcpException(
                    SchedcpException.Kind.START_FAILED,
                    "another " + agent + " agent listens on " + socket + "; stop it first");
        }
        // An agent that was killed leaves its socket file behind, with nothing listening on it.
        try {
            Files.delete(socket);
        } catch (IOException e) {
            throw new SchedcpException(
                    SchedcpException.Kind.START_FAILED,
                    "the stale socket " + socket + " could not be removed (" + e + "); remove it by hand",
                    e);
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException refused) {
            return false;
        }
    }

    private static ServerSocketChannel bind(Path socket, String agent) {
        ServerSocketChannel server = null;
        try {
            Path parent = socket.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            // Java binds with the process's umask and cannot change it; until this chmod, the directory (the
            // schedcp home) is what keeps others out.
            Files.setPosixFilePermissions(socket, OWNER_ONLY);
            return server;
        } catch (IOException | UnsupportedOperationException e) {
            if (server != null) {
                closeQuietly(server);
                deleteQuietly(socket);
            }
            throw new SchedcpException(
                    SchedcpException.Kind.START_FAILED,
                    agent + "'s agent could not listen on " + socket + ": " + e.getMessage()
                            + "; check that its directory is writable",
                    e);
        }
    }

    private void accept() {
        while (!closed.get()) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                // Such as too many open files: wait for some to close rather than spin.
                LOG.warn("{}'s socket {} could not accept a connection: {}", agent, socket, e.toString());
                pause();
                continue;
            }
            connections.add(connection);
            if (closed.get()) {
                closeQuietly(connection);
                return;
            }
            Thread thread = new Thread(
                    () -> serve(connection), agent + "-stats-connection-" + connectionCount.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(SocketChannel connection) {
        try (connection) {
            LineReader lines =
                    new LineReader(new BufferedInputStream(Channels.newInputStream(connection)), MAX_REQUEST_BYTES);
            OutputStream out = Channels.newOutputStream(connection);
            while (true) {
                Optional<String> line;
                try {
                    line = lines.next();
                } catch (LineReader.TooLongException e) {
                    send(out, ControlWire.responseLine(tooLong()));
                    return;
                }
                if (line.isEmpty()) {
                    return;
                }
                send(out, answer(line.get()));
            }
        } catch (IOException e) {
            // The client went away, or close() ended the connection.
            LOG.debug("a connection to {}'s socket ended: {}", agent, e.toString());
        } finally {
            connections.remove(connection);
        }
    }

    private String answer(String line) {
        try {
            return handler.answer(line);
        } catch (RuntimeException e) {
            // A bug of the handler: the client gets its description, the log the stack trace.
            LOG.warn("{}'s agent failed to answer a request", agent, e);
            return ControlWire.responseLine(
                    ControlResponse.failure(SchedcpException.Kind.IO, agent + "'s agent failed to answer: " + e));
        }
    }

    private static ControlResponse tooLong() {
        return ControlResponse.failure(
                SchedcpException.Kind.INVALID_INPUT,
                "the request is longer than " + MAX_REQUEST_BYTES + " bytes; send one request per line, each"
                        + " shorter, and end each with a newline");
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", channel, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("removing {} failed: {}", file, e.toString());
        }
    }
}
