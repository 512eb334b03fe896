package io.schedcp.daemon.http;

import io.schedcp.core.json.SchedcpJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before {@link ApiHandler} sees it (a path with {@code %2F} or a bad
 * escape, a malformed request line), written as the API's JSON error rather than Jetty's HTML page, so that a
 * client reads every error one way. Never with a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.JSON);
        response.write(true, ByteBuffer.wrap(json(code, message)), callback);
    }

    private static byte[] json(int status, String reason) {
        String fact = reason == null || reason.isBlank() ? "HTTP " + status : reason;
        ErrorBody body = ErrorBody.of(
                kind(status),
                "the daemon refused the request before any endpoint read it: " + fact
                        + (status == 400
                                ? "; send a plain path (no %2F, %00 or bad % escapes), as"
                                        + " /api/v1/openapi.json lists them"
                                : ""));
        return (SchedcpJson.indented(body) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String kind(int status) {
        return switch (status) {
            case 400, 413, 414, 431 -> "INVALID_INPUT";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            default -> status >= 500 ? "INTERNAL" : "HTTP_" + status;
        };
    }
}
