package io.schedcp.daemon.http;

import io.schedcp.api.SchedcpException;

/**
 * The JSON of every error: {@code {"error": {"kind": ..., "message": ...}}}, the kind being the library's
 * {@link SchedcpException.Kind} or the HTTP layer's own ({@code UNAUTHORIZED}, {@code FORBIDDEN}...).
 *
 * @param error the kind and the fact
 */
public record ErrorBody(Detail error) {

    /**
     * @param kind the cause, for programs
     * @param message the fact and the fix, for people
     */
    public record Detail(String kind, String message) {}

    static ErrorBody of(String kind, String message) {
        return new ErrorBody(new Detail(kind, message));
    }

    /** The HTTP status of a library failure of {@code kind}. */
    static int status(SchedcpException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case INVALID_INPUT -> 400;
            case UNAVAILABLE, NO_SCHED_EXT -> 503;
            case PERMISSION, START_FAILED, EJECTED, STOP_FAILED, IO -> 500;
        };
    }
}
