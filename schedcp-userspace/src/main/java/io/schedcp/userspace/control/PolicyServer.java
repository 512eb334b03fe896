package io.schedcp.userspace.control;

import io.schedcp.core.control.ControlServer;
import java.nio.file.Path;

/**
 * scx_userspace's control socket: serves a {@link PolicyControl} on a core {@link ControlServer} to
 * {@link PolicyClient}s and scx_stats' clients. {@code control} is called from one thread per connection.
 */
public final class PolicyServer implements AutoCloseable {

    private final ControlServer server;

    private PolicyServer(ControlServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code socket}, in place of a socket file that a killed agent left behind.
     *
     * @throws io.schedcp.api.SchedcpException START_FAILED when another agent answers on {@code socket} or it
     *                                         cannot be bound
     */
    public static PolicyServer start(PolicyControl control, Path socket) {
        return new PolicyServer(ControlServer.start(socket, new PolicyRequestHandler(control), "scx_userspace"));
    }

    public Path socket() {
        return server.socket();
    }

    /** Stops accepting, ends the connections and removes the socket file. */
    @Override
    public void close() {
        server.close();
    }
}
