package io.schedcp.slo.control;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.stats.SloStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A running scx_slo reached through its agent's socket ({@link SloStatsServer}). Each call is one connection
 * with one request; nothing is held between calls, so a client outlives restarts of the agent.
 */
public final class SloClient implements SloControl {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Path socket;
    private final Duration timeout;

    private SloClient(Path socket, Duration timeout) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The scx_slo whose agent listens on {@code socket}; nothing is connected until a call. */
    public static SloClient at(Path socket) {
        return new SloClient(socket, TIMEOUT);
    }

    /** For tests of a hung agent, which should not take 5 s each. */
    static SloClient at(Path socket, Duration timeout) {
        return new SloClient(socket, timeout);
    }

    public Path socket() {
        return socket;
    }

    @Override
    public SloStatus status() {
        return decode(ask(new SloRequest(SloRequest.STATS, Map.of())), SloStatus.class, "stats");
    }

    @Override
    public SloGroup set(GroupChange change) {
        return decode(ask(new SloRequest(SloRequest.SET, GroupChangeArgs.of(change))), SloGroup.class, "set");
    }

    /** The {@code resp} of a successful answer to {@code request}. */
    private JsonNode ask(SloRequest request) {
        String line = exchange(SloWire.requestLine(request));
        SloResponse response;
        try {
            response = SloWire.response(line);
        } catch (IllegalArgumentException e) {
            throw new SchedcpException(
                    Kind.IO,
                    "scx_slo's agent at " + socket + " answered " + request.req() + " with " + e.getMessage()
                            + "; is something else listening there?");
        }
        if (!response.succeeded()) {
            throw failure(response);
        }
        return response.resp();
    }

    private String exchange(String requestLine) {
        try (SloConnection connection = connect()) {
            return connection.exchange(requestLine, timeout);
        } catch (SloConnection.TimedOutException e) {
            throw new SchedcpException(
                    Kind.IO, "scx_slo's agent at " + socket + " did not answer within " + seconds(timeout) + " s", e);
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO, "the connection to scx_slo's agent at " + socket + " failed: " + e.getMessage(), e);
        }
    }

    private SloConnection connect() {
        if (Files.exists(socket)) {
            try {
                return SloConnection.open(socket);
            } catch (IOException e) {
                if (!Files.isWritable(socket)) {
                    // Connecting takes write permission on the socket, which is its owner's alone.
                    throw new SchedcpException(
                            Kind.PERMISSION,
                            "scx_slo's agent at " + socket + " is another user's; run this as the user that"
                                    + " started it (usually root)",
                            e);
                }
                throw notRunning(e);
            }
        }
        throw notRunning(null);
    }

    private SchedcpException notRunning(IOException cause) {
        String message = "scx_slo is not running: no agent listens on " + socket
                + "; start it with `schedcp run scx_slo -- --config FILE`";
        return cause == null
                ? new SchedcpException(Kind.UNAVAILABLE, message)
                : new SchedcpException(Kind.UNAVAILABLE, message, cause);
    }

    private SchedcpException failure(SloResponse response) {
        JsonNode resp = response.resp();
        Kind kind = kindOf(resp.path(SloResponse.KIND).asString(""), response.errno());
        String message = resp.path(SloResponse.MESSAGE)
                .stringValueOpt()
                .orElse("scx_slo's agent at " + socket + " failed with errno " + response.errno());
        return new SchedcpException(kind, message);
    }

    /** The kind the agent named; for an agent that names none (or one this schedcp lacks), the errno's. */
    private static Kind kindOf(String name, int errno) {
        for (Kind kind : Kind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return switch (errno) {
            case SloResponse.EINVAL -> Kind.INVALID_INPUT;
            case SloResponse.ENOENT -> Kind.NOT_FOUND;
            default -> Kind.IO;
        };
    }

    private <T> T decode(JsonNode resp, Class<T> type, String req) {
        try {
            return SchedcpJson.mapper().treeToValue(resp, type);
        } catch (JacksonException e) {
            throw new SchedcpException(
                    Kind.IO,
                    "scx_slo's agent at " + socket + " answered " + req + " with what this schedcp cannot read as"
                            + " a " + type.getSimpleName() + " (" + e.getOriginalMessage() + "); is the agent of"
                            + " another schedcp version?",
                    e);
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
