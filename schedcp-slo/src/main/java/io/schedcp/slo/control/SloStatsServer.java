package io.schedcp.slo.control;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * scx_slo's stats socket: serves a {@link SloControl} on a Unix socket to {@link SloClient}s and to scx_stats'
 * clients. Each connection has a daemon thread and may send several requests, one per line; {@code control}
 * is therefore called from several threads at once. The socket is its owner's alone (mode 0600), since
 * {@code set} changes the scheduling of the whole machine.
 */
public final class SloStatsServer implements AutoCloseable {

    /** The longest request line; a request is a few hundred bytes, so a longer one is a mistake or an attack. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SloStatsServer.class);
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path socket;
    private final ServerSocketChannel server;
    private final SloRequestHandler handler;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final Thread acceptor;

    private SloStatsServer(Path socket, ServerSocketChannel server, SloRequestHandler handler) {
        this.socket = socket;
        this.server = server;
        this.handler = handler;
        this.acceptor = new Thread(this::accept, "scx_slo-stats-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code socket}, in place of a socket file that a killed agent left behind.
     *
     * @throws SchedcpException START_FAILED when another agent answers on {@code socket} or it cannot be bound
     */
    public static SloStatsServer start(SloControl control, Path socket) {
        removeStale(socket);
        SloStatsServer stats = new SloStatsServer(socket, bind(socket), new SloRequestHandler(control));
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
        connections.forEach(SloStatsServer::closeQuietly);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("could not remove scx_slo's socket {}: {}", socket, e.toString());
        }
    }

    private static void removeStale(Path socket) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (answers(socket)) {
            throw new SchedcpException(
                    SchedcpException.Kind.START_FAILED,
                    "another scx_slo agent listens on " + socket + "; stop it first");
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

    private static ServerSocketChannel bind(Path socket) {
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
                    "scx_slo's agent could not listen on " + socket + ": " + e.getMessage()
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
                LOG.warn("scx_slo's socket {} could not accept a connection: {}", socket, e.toString());
                pause();
                continue;
            }
            connections.add(connection);
            if (closed.get()) {
                closeQuietly(connection);
                return;
            }
            Thread thread = new Thread(
                    () -> serve(connection), "scx_slo-stats-connection-" + connectionCount.incrementAndGet());
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
                    send(out, SloWire.responseLine(tooLong()));
                    return;
                }
                if (line.isEmpty()) {
                    return;
                }
                send(out, handler.answer(line.get()));
            }
        } catch (IOException e) {
            // The client went away, or close() ended the connection.
            LOG.debug("a connection to scx_slo's socket ended: {}", e.toString());
        } finally {
            connections.remove(connection);
        }
    }

    private static SloResponse tooLong() {
        return SloResponse.failure(
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
