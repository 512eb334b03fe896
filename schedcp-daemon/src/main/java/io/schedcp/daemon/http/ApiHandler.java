package io.schedcp.daemon.http;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.daemon.auth.Access;
import io.schedcp.daemon.auth.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link Routes} over Jetty: finds the route, checks the token, hands the request to the endpoint and
 * writes its answer as JSON. Every failure becomes the JSON of {@link ErrorBody} with its status, never a stack
 * trace; a refused token is logged with the request, never with the token.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    /** Bodies larger than this are refused: no endpoint takes more than a few KiB. */
    static final int MAX_BODY = 1 << 20;

    private final Routes routes;
    private final Tokens tokens;

    public ApiHandler(Routes routes, Tokens tokens) {
        this.routes = routes;
        this.tokens = tokens;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        ApiResponse answer;
        try {
            answer = answer(request, method, path);
        } catch (ApiError e) {
            answer = new ApiResponse(e.status(), ErrorBody.of(e.kind(), e.getMessage()), ApiResponse.JSON);
            if (e.status() == 401 || e.status() == 403) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"schedcp\"");
                LOG.warn("refused {} {} from {}: {}", method, path, Request.getRemoteAddr(request), e.getMessage());
            } else if (e.status() == 405) {
                response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", routes.methodsFor(path)));
            }
        } catch (SchedcpException e) {
            answer = new ApiResponse(
                    ErrorBody.status(e.kind()), ErrorBody.of(e.kind().name(), e.getMessage()), ApiResponse.JSON);
            LOG.info("{} {}: {} {}", method, path, e.kind(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = internal(method, path, e);
        } catch (Exception | LinkageError e) {
            answer = internal(method, path, e);
        }
        write(response, answer, callback);
        return true;
    }

    private ApiResponse answer(Request request, String method, String path) throws Exception {
        Optional<Routes.Match> match = routes.find(method, path);
        if (match.isEmpty()) {
            Set<String> methods = routes.methodsFor(path);
            if (methods.isEmpty()) {
                throw new ApiError(
                        404, "NOT_FOUND", "no endpoint has the path " + path + "; /api/v1/openapi.json lists them all");
            }
            throw new ApiError(
                    405, "METHOD_NOT_ALLOWED", path + " takes " + String.join(", ", methods) + ", not " + method);
        }
        Route route = match.get().route();
        Access access = authorize(route, request.getHeaders().get(HttpHeader.AUTHORIZATION));
        String body = "";
        if (request.getLength() > MAX_BODY) {
            throw tooLarge();
        }
        if (route.requestBody().isPresent()) {
            body = body(request);
        }
        ApiRequest api = new ApiRequest(method, path, match.get().parameters(), query(request), body, access);
        return route.handler().handle(api);
    }

    /** The body, read up to {@link #MAX_BODY}: a chunked body has no length to check beforehand. */
    private static String body(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(
                413, "INVALID_INPUT", "the body is larger than " + MAX_BODY + " bytes; no endpoint takes that much");
    }

    private Access authorize(Route route, String authorization) {
        if (route.access() == Access.PUBLIC) {
            return Access.PUBLIC;
        }
        if (authorization == null || authorization.isBlank()) {
            throw new ApiError(
                    401,
                    "UNAUTHORIZED",
                    "no bearer token; send 'Authorization: Bearer TOKEN' with the token in $SCHEDCP_HOME/"
                            + Tokens.FULL_FILE + " (or " + Tokens.READ_ONLY_FILE + " to read)");
        }
        Access granted = tokens.accessOf(authorization)
                .orElseThrow(() -> new ApiError(
                        401,
                        "UNAUTHORIZED",
                        "the bearer token is not the daemon's; use the one in $SCHEDCP_HOME/" + Tokens.FULL_FILE
                                + " or " + Tokens.READ_ONLY_FILE));
        if (route.access() == Access.WRITE && granted != Access.WRITE) {
            throw new ApiError(
                    403,
                    "FORBIDDEN",
                    route.method() + " " + route.template() + " changes the host, and the read-only token may only"
                            + " read; use the token in $SCHEDCP_HOME/" + Tokens.FULL_FILE);
        }
        return granted;
    }

    private static Map<String, String> query(Request request) {
        Fields fields = Request.extractQueryParameters(request);
        Map<String, String> query = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            query.putIfAbsent(field.getName(), field.getValue());
        }
        return query;
    }

    private static ApiResponse internal(String method, String path, Throwable e) {
        LOG.error("{} {} failed", method, path, e);
        return new ApiResponse(
                500,
                ErrorBody.of(
                        "INTERNAL",
                        "the daemon failed on " + method + " " + path + " ("
                                + e.getClass().getSimpleName() + "); its log has the details"),
                ApiResponse.JSON);
    }

    private static void write(Response response, ApiResponse answer, Callback callback) {
        if (answer.isStream()) {
            stream(response, answer, callback);
            return;
        }
        byte[] bytes = answer.isJson()
                ? (SchedcpJson.indented(answer.body()) + "\n").getBytes(StandardCharsets.UTF_8)
                : answer.body().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /**
     * Writes a streaming answer on this thread until it is complete. Once its status and headers have gone out, a
     * failure can only end the connection: it is logged, and Jetty is told.
     */
    private static void stream(Response response, ApiResponse answer, Callback callback) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            ((StreamBody) answer.body()).writeTo(out);
            out.flush();
        } catch (IOException e) {
            LOG.debug("a streamed answer ended early: {}", e.getMessage());
            callback.failed(e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
            return;
        } catch (RuntimeException e) {
            LOG.error("a streamed answer failed", e);
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }
}
