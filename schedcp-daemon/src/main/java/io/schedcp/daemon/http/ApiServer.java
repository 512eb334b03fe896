package io.schedcp.daemon.http;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty serving one handler on a Unix socket (made root-only: mode 0600) and, if asked, on a TCP address. Jetty
 * because the JDK's own HTTP server cannot listen on a Unix socket, and a control API of a root daemon belongs
 * on one; see docs/daemon.md.
 */
public final class ApiServer implements AutoCloseable {

    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 4;

    private final Server server;
    private final Path socket;
    private final Optional<ServerConnector> tcp;

    private ApiServer(Server server, Path socket, Optional<ServerConnector> tcp) {
        this.server = server;
        this.socket = socket;
        this.tcp = tcp;
    }

    /**
     * Starts serving {@code handler} on {@code socket} and, when given, on {@code listen}.
     *
     * @throws SchedcpException IO when a socket cannot be bound, naming it
     */
    public static ApiServer start(Handler handler, Path socket, Optional<InetSocketAddress> listen) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("schedcp-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        server.setStopAtShutdown(false);
        UnixDomainServerConnector unix = new UnixDomainServerConnector(server);
        unix.setUnixDomainPath(socket);
        server.addConnector(unix);
        Optional<ServerConnector> tcp = listen.map(address -> {
            ServerConnector connector = new ServerConnector(server);
            connector.setHost(address.getHostString());
            connector.setPort(address.getPort());
            server.addConnector(connector);
            return connector;
        });
        server.setHandler(handler);
        server.setErrorHandler(new JsonErrorHandler());
        try {
            Files.createDirectories(socket.toAbsolutePath().getParent());
            refuseIfServed(socket);
            // A socket left by a daemon that was killed would make the bind fail.
            Files.deleteIfExists(socket);
            server.start();
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (SchedcpException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new SchedcpException(
                    Kind.IO,
                    "the daemon cannot listen on " + socket
                            + listen.map(a -> " and " + a).orElse("") + ": " + e.getMessage()
                            + "; is another daemon running, or the port taken?",
                    e);
        }
        return new ApiServer(server, socket, tcp);
    }

    /**
     * Refuses a socket that a live daemon still listens on: deleting it to bind our own would leave that daemon
     * running, unreachable, while this one took its clients.
     */
    private static void refuseIfServed(Path socket) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            // Nothing listens: a socket left by a daemon that was killed, which the bind may replace.
            return;
        }
        throw new SchedcpException(
                Kind.IO, "another daemon listens on " + socket + "; stop it first, or give this one another socket");
    }

    public Path socket() {
        return socket;
    }

    /** The TCP port it listens on (the one the OS picked for port 0), if it listens on TCP. */
    public Optional<Integer> port() {
        return tcp.map(ServerConnector::getLocalPort);
    }

    @Override
    public void close() {
        stopQuietly(server);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // Nothing to do: the next start removes it.
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the process is going away.
        }
    }
}
