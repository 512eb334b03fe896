package io.schedcp.slo.control;

import io.schedcp.core.control.ControlServer;
import java.nio.file.Path;

/**
 * scx_slo's stats socket: serves a {@link SloControl} on a core {@link ControlServer} to {@link SloClient}s and
 * to scx_stats' clients. {@code control} is called from several threads at once, one per connection.
 */
public final class SloStatsServer implements AutoCloseable {

    static final int MAX_REQUEST_BYTES = ControlServer.MAX_REQUEST_BYTES;

    private final ControlServer server;

    private SloStatsServer(ControlServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code socket}, in place of a socket file that a killed agent left behind.
     *
     * @throws io.schedcp.api.SchedcpException START_FAILED when another agent answers on {@code socket} or it
     *                                         cannot be bound
     */
    public static SloStatsServer start(SloControl control, Path socket) {
        return new SloStatsServer(ControlServer.start(socket, new SloRequestHandler(control), "scx_slo"));
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
