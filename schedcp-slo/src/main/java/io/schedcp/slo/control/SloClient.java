package io.schedcp.slo.control;

import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.stats.SloStatus;
import java.nio.file.Path;

/** PLACEHOLDER until the socket helper lands: a running scx_slo reached through its socket. */
public final class SloClient implements SloControl {

    private final Path socket;

    private SloClient(Path socket) {
        this.socket = socket;
    }

    /** The scx_slo whose agent listens on {@code socket}; nothing is connected until a call. */
    public static SloClient at(Path socket) {
        return new SloClient(socket);
    }

    public Path socket() {
        return socket;
    }

    @Override
    public SloStatus status() {
        throw new UnsupportedOperationException("placeholder");
    }

    @Override
    public SloGroup set(GroupChange change) {
        throw new UnsupportedOperationException("placeholder");
    }
}
