package io.schedcp.slo.control;

import io.schedcp.core.control.ControlClient;
import io.schedcp.core.control.ControlRequest;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.stats.SloStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A running scx_slo reached through its agent's socket ({@link SloStatsServer}). Each call is one connection
 * with one request; nothing is held between calls, so a client outlives restarts of the agent.
 */
public final class SloClient implements SloControl {

    static final Duration TIMEOUT = ControlClient.TIMEOUT;
    private static final String START_ADVICE = "; start it with `schedcp run scx_slo -- --config FILE`";

    private final ControlClient client;

    private SloClient(ControlClient client) {
        this.client = client;
    }

    /** The scx_slo whose agent listens on {@code socket}; nothing is connected until a call. */
    public static SloClient at(Path socket) {
        return at(socket, TIMEOUT);
    }

    /** For tests of a hung agent, which should not take 5 s each. */
    static SloClient at(Path socket, Duration timeout) {
        return new SloClient(new ControlClient(socket, "scx_slo", START_ADVICE, timeout));
    }

    public Path socket() {
        return client.socket();
    }

    @Override
    public SloStatus status() {
        return client.ask(new ControlRequest(ControlRequest.STATS, Map.of()), SloStatus.class);
    }

    @Override
    public SloGroup set(GroupChange change) {
        return client.ask(new ControlRequest(SloRequestHandler.SET, GroupChangeArgs.of(change)), SloGroup.class);
    }
}
