package io.schedcp.slo.control;

import java.util.Map;
import java.util.Objects;

/**
 * One request on scx_slo's socket, in the shape of scx_stats: {@code {"req": "stats", "args": {"k": "v"}}}.
 *
 * @param req  what is asked: {@code stats}, {@code stats_meta} or {@code set}
 * @param args the request's arguments, all strings as scx_stats sends them; empty when none
 */
record SloRequest(String req, Map<String, String> args) {

    static final String STATS = "stats";
    static final String STATS_META = "stats_meta";
    static final String SET = "set";

    SloRequest {
        Objects.requireNonNull(req, "req");
        args = Map.copyOf(args);
    }
}
