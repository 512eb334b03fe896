package io.schedcp.daemon.http;

import java.util.Objects;

/**
 * What an endpoint answers: a status and a body that is written as JSON, or, with a content type, text as it is
 * (the metrics), or a {@link StreamBody} that writes itself as it goes (server-sent events).
 */
public record ApiResponse(int status, Object body, String contentType) {

    public static final String JSON = "application/json";
    /** Server-sent events (the HTML standard's text/event-stream). */
    public static final String EVENT_STREAM = "text/event-stream";

    public ApiResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, JSON);
    }

    /** 202: the request was taken, and the body says how to follow it. */
    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body, JSON);
    }

    public static ApiResponse text(String text, String contentType) {
        return new ApiResponse(200, text, contentType);
    }

    /** 200 with a body that {@code body} writes as it goes, such as {@value #EVENT_STREAM}. */
    public static ApiResponse stream(String contentType, StreamBody body) {
        return new ApiResponse(200, body, contentType);
    }

    boolean isStream() {
        return body instanceof StreamBody;
    }

    boolean isJson() {
        return JSON.equals(contentType);
    }
}
