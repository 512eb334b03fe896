package io.schedcp.core.control;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.json.SchedcpJson;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One answer on an agent's socket, in the shape of scx_stats: {@code {"errno": 0, "args": {"resp": ...}}}. A
 * failure has a positive errno, so that scx_stats' clients see one, and its {@code resp} is the failure's kind
 * and message, so that {@link ControlClient} raises the same {@link SchedcpException} the agent caught.
 *
 * @param errno 0, or {@link #EINVAL}, {@link #ENOENT} or {@link #EIO}
 * @param resp  the value asked for, or {@code {"kind": ..., "message": ...}}
 */
public record ControlResponse(int errno, JsonNode resp) {

    public static final int ENOENT = 2;
    public static final int EIO = 5;
    public static final int EINVAL = 22;

    public static final String KIND = "kind";
    public static final String MESSAGE = "message";

    public ControlResponse {
        if (errno < 0) {
            throw new IllegalArgumentException("an errno is 0 or positive, not " + errno);
        }
        Objects.requireNonNull(resp, "resp");
    }

    /** {@code value} in SchedcpJson's form (snake_case, absent values left out). */
    public static ControlResponse ok(Object value) {
        return new ControlResponse(0, SchedcpJson.mapper().valueToTree(value));
    }

    public static ControlResponse failure(SchedcpException.Kind kind, String message) {
        ObjectNode resp = SchedcpJson.mapper().createObjectNode();
        resp.put(KIND, kind.name());
        resp.put(MESSAGE, message);
        return new ControlResponse(errnoOf(kind), resp);
    }

    public static ControlResponse failure(SchedcpException e) {
        return failure(e.kind(), e.getMessage());
    }

    public boolean succeeded() {
        return errno == 0;
    }

    /** Bad input is EINVAL and a missing thing ENOENT, as a C client expects; any other failure is EIO. */
    public static int errnoOf(SchedcpException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> EINVAL;
            case NOT_FOUND -> ENOENT;
            default -> EIO;
        };
    }
}
