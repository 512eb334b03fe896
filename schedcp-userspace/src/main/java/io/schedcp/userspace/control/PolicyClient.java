package io.schedcp.userspace.control;

import io.schedcp.core.control.ControlClient;
import io.schedcp.core.control.ControlRequest;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.StrategyJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A running scx_userspace reached through its agent's socket ({@link PolicyServer}). Each call is one connection
 * with one request, so a client outlives restarts of the agent. When no agent listens it raises UNAVAILABLE
 * with the fact alone; the CLI and the MCP server add how to start one.
 */
public final class PolicyClient implements PolicyControl {

    private final ControlClient client;

    private PolicyClient(ControlClient client) {
        this.client = client;
    }

    /** The scx_userspace whose agent listens on {@code socket}; nothing is connected until a call. */
    public static PolicyClient at(Path socket) {
        return at(socket, ControlClient.TIMEOUT);
    }

    public static PolicyClient at(Path socket, Duration timeout) {
        return new PolicyClient(new ControlClient(socket, "scx_userspace", "", timeout));
    }

    public Path socket() {
        return client.socket();
    }

    @Override
    public PolicyStatus status() {
        return client.ask(new ControlRequest(ControlRequest.STATS, Map.of()), PolicyStatus.class);
    }

    @Override
    public List<Strategy> strategies() {
        return StrategyJson.readList(client.ask(new ControlRequest(PolicyRequests.STRATEGIES, Map.of()))
                .toString());
    }

    @Override
    public long put(Strategy strategy) {
        return client.ask(
                        new ControlRequest(
                                PolicyRequests.PUT, Map.of(PolicyRequests.STRATEGY, StrategyJson.write(strategy))),
                        PolicyRequests.Put.class)
                .generation();
    }

    @Override
    public boolean remove(String id) {
        return client.ask(
                        new ControlRequest(PolicyRequests.REMOVE, Map.of(PolicyRequests.ID, id)),
                        PolicyRequests.Removed.class)
                .removed();
    }
}
