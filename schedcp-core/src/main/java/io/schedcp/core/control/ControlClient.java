package io.schedcp.core.control;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An agent reached through its {@link ControlServer}. Each call is one connection with one request; nothing is
 * held between calls, so a client outlives restarts of the agent.
 *
 * @param socket       where the agent listens
 * @param agent        the scheduler whose agent it is, such as {@code scx_slo}, for messages
 * @param startAdvice  what follows "no agent listens on SOCKET" in the UNAVAILABLE message, such as
 *                     {@code "; start it with ..."}; empty for the fact alone
 * @param timeout      how long one request may take, connecting to answer
 */
public record ControlClient(Path socket, String agent, String startAdvice, Duration timeout) {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    public ControlClient {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(startAdvice, "startAdvice");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The {@code resp} of {@code request}'s answer read as a {@code type}. */
    public <T> T ask(ControlRequest request, Class<T> type) {
        return decode(ask(request), type, request.req());
    }

    /**
     * The {@code resp} of a successful answer to {@code request}.
     *
     * @throws SchedcpException the kind and message of an error answer; UNAVAILABLE when no agent listens, IO
     *                          when it does not answer in time or answers what is not a response
     */
    public JsonNode ask(ControlRequest request) {
        String line = exchange(ControlWire.requestLine(request));
        ControlResponse response;
        try {
            response = ControlWire.response(line);
        } catch (IllegalArgumentException e) {
            throw new SchedcpException(
                    Kind.IO,
                    agent + "'s agent at " + socket + " answered " + request.req() + " with " + e.getMessage()
                            + "; is something else listening there?");
        }
        if (!response.succeeded()) {
            throw failure(response);
        }
        return response.resp();
    }

    private String exchange(String requestLine) {
        try (ControlConnection connection = connect()) {
            return connection.exchange(requestLine, timeout);
        } catch (ControlConnection.TimedOutException e) {
            throw new SchedcpException(
                    Kind.IO, agent + "'s agent at " + socket + " did not answer within " + seconds(timeout) + " s", e);
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO, "the connection to " + agent + "'s agent at " + socket + " failed: " + e.getMessage(), e);
        }
    }

    private ControlConnection connect() {
        if (Files.exists(socket)) {
            try {
                return ControlConnection.open(socket);
            } catch (IOException e) {
                if (!Files.isWritable(socket)) {
                    // Connecting takes write permission on the socket, which is its owner's alone.
                    throw new SchedcpException(
                            Kind.PERMISSION,
                            agent + "'s agent at " + socket + " is another user's; run this as the user that"
                                    + " started it (usually root)",
                            e);
                }
                throw notRunning(e);
            }
        }
        throw notRunning(null);
    }

    private SchedcpException notRunning(IOException cause) {
        String message = agent + " is not running: no agent listens on " + socket + startAdvice;
        return cause == null
                ? new SchedcpException(Kind.UNAVAILABLE, message)
                : new SchedcpException(Kind.UNAVAILABLE, message, cause);
    }

    private SchedcpException failure(ControlResponse response) {
        JsonNode resp = response.resp();
        Kind kind = kindOf(resp.path(ControlResponse.KIND).asString(""), response.errno());
        String message = resp.path(ControlResponse.MESSAGE)
                .stringValueOpt()
                .orElse(agent + "'s agent at " + socket + " failed with errno " + response.errno());
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
            case ControlResponse.EINVAL -> Kind.INVALID_INPUT;
            case ControlResponse.ENOENT -> Kind.NOT_FOUND;
            default -> Kind.IO;
        };
    }

    private <T> T decode(JsonNode resp, Class<T> type, String req) {
        try {
            return SchedcpJson.mapper().treeToValue(resp, type);
        } catch (JacksonException e) {
            throw new SchedcpException(
                    Kind.IO,
                    agent + "'s agent at " + socket + " answered " + req + " with what this schedcp cannot read as"
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
