package io.schedcp.core.control;

import java.util.Map;
import java.util.Objects;

/**
 * One request on an agent's socket, in the shape of scx_stats: {@code {"req": "stats", "args": {"k": "v"}}}.
 *
 * @param req  what is asked: {@code stats}, {@code stats_meta} or a request of the agent's own
 * @param args the request's arguments, all strings as scx_stats sends them; empty when none
 */
public record ControlRequest(String req, Map<String, String> args) {

    public static final String STATS = "stats";
    public static final String STATS_META = "stats_meta";

    public ControlRequest {
        Objects.requireNonNull(req, "req");
        args = Map.copyOf(args);
    }
}
