package io.schedcp.daemon.http;

/**
 * A failure of the HTTP layer itself, with its status: no such endpoint, a method the path does not take, a
 * missing or wrong token, a conflict. The library's own failures are {@link io.schedcp.api.SchedcpException}s,
 * whose kind picks the status.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;

    public ApiError(int status, String kind, String message) {
        super(message);
        this.status = status;
        this.kind = kind;
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }
}
