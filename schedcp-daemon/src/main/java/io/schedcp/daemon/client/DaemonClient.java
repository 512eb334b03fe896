package io.schedcp.daemon.client;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Transport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A running daemon, reached on its Unix socket with its full token: what the CLI and the MCP server use to run
 * and stop the host's scheduler through the daemon instead of owning it themselves. Each call is one request;
 * a failure the daemon answered with comes back as the {@link SchedcpException} of its kind.
 */
public final class DaemonClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Path socket;
    private final String token;
    private final HttpClient http;

    private DaemonClient(Path socket, String token, HttpClient http) {
        this.socket = socket;
        this.token = token;
        this.http = http;
    }

    /**
     * The daemon whose socket is {@code socket}, with the token in {@code daemon.token} beside it; empty when
     * there is no socket there, so that the caller runs without a daemon as before. A socket whose daemon does
     * not answer fails on the first call.
     */
    public static Optional<DaemonClient> find(Path socket) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        Path dir = socket.toAbsolutePath().getParent();
        String token = Tokens.read(dir.resolve(Tokens.FULL_FILE));
        HttpClient http = new HttpClient();
        http.setName("schedcp-daemon-client");
        http.setConnectTimeout(TIMEOUT.toMillis());
        try {
            http.start();
        } catch (Exception e) {
            throw new SchedcpException(Kind.IO, "cannot start an HTTP client for the daemon: " + e.getMessage(), e);
        }
        return Optional.of(new DaemonClient(socket, token, http));
    }

    public Path socket() {
        return socket;
    }

    /** Where the daemon's scheduler is. */
    public SupervisorStatus status() {
        return SchedcpJson.mapper()
                .treeToValue(call(HttpMethod.GET, "/api/v1/execution", null).get("status"), SupervisorStatus.class);
    }

    /**
     * Asks the daemon to run {@code name} and waits, up to {@code timeout}, for the outcome of that request.
     *
     * @return the status that settled the request: RUNNING, or how it failed (RESTARTING, GAVE_UP)
     */
    public SupervisorStatus run(String name, List<String> args, boolean replaceForeign, Duration timeout) {
        JsonNode taken = call(
                HttpMethod.POST,
                "/api/v1/execution",
                Map.of("name", name, "args", args, "replace_foreign", replaceForeign));
        return await(taken.get("request").asLong(), timeout);
    }

    /** Asks the daemon to stop its scheduler, and waits up to {@code timeout} for the stop. */
    public SupervisorStatus stop(Duration timeout) {
        JsonNode taken = call(HttpMethod.DELETE, "/api/v1/execution", null);
        return await(taken.get("request").asLong(), timeout);
    }

    private SupervisorStatus await(long request, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            SupervisorStatus status = status();
            if (status.request() >= request && status.settled()) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SchedcpException(
                        Kind.START_FAILED,
                        "the daemon took the request but had not settled it after " + timeout.toSeconds() + " s (it is "
                                + status.phase() + "); follow it with 'schedcp status'");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchedcpException(Kind.START_FAILED, "interrupted while waiting for the daemon", e);
            }
        }
    }

    private JsonNode call(HttpMethod method, String path, Object body) {
        Request request = http.newRequest("http://localhost" + path)
                .transport(new Transport.TCPUnix(socket))
                .method(method)
                .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + token));
        if (body != null) {
            request.body(new StringRequestContent("application/json", SchedcpJson.line(body)));
        }
        ContentResponse response;
        try {
            response = request.send();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the call was interrupted", e);
        } catch (TimeoutException e) {
            throw unavailable("it did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw unavailable(
                    Objects.toString(e.getCause() == null ? e : e.getCause().getMessage()), e);
        }
        JsonNode json;
        try {
            json = SchedcpJson.mapper().readTree(response.getContentAsString());
        } catch (JacksonException e) {
            throw new SchedcpException(
                    Kind.IO, "the daemon on " + socket + " answered " + response.getStatus() + " with no JSON", e);
        }
        if (response.getStatus() >= 400) {
            JsonNode error = json.path("error");
            throw new SchedcpException(
                    kindOf(error.path("kind").asString("")),
                    "the daemon refused: " + error.path("message").asString("status " + response.getStatus()));
        }
        return json;
    }

    private SchedcpException unavailable(String why, Exception cause) {
        return new SchedcpException(
                Kind.UNAVAILABLE,
                "the daemon's socket " + socket + " is there but the daemon does not answer (" + why
                        + "); start it (systemctl start schedcp), or remove the stale socket to run without it",
                cause);
    }

    private static Kind kindOf(String kind) {
        for (Kind k : Kind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return switch (kind) {
            case "UNAUTHORIZED", "FORBIDDEN" -> Kind.PERMISSION;
            case "METHOD_NOT_ALLOWED", "CONFLICT" -> Kind.INVALID_INPUT;
            default -> Kind.IO;
        };
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            // Best effort: the process is about to exit.
        }
    }
}
