package io.schedcp.slo.control;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.control.ControlHandler;
import io.schedcp.core.control.ControlRequest;
import io.schedcp.core.control.ControlResponse;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests of scx_slo's socket from a {@link SloControl}: every line gets one response, and a
 * failure, whatever it is, becomes an error response rather than leaving the socket.
 */
final class SloRequestHandler implements ControlHandler {

    /** scx_slo's own request, besides stats and stats_meta: change one group. */
    static final String SET = "set";

    private static final Logger LOG = LoggerFactory.getLogger(SloRequestHandler.class);

    private final SloControl control;

    SloRequestHandler(SloControl control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    @Override
    public ControlResponse handle(ControlRequest request) {
        try {
            return switch (request.req()) {
                case ControlRequest.STATS -> ControlResponse.ok(control.status());
                case ControlRequest.STATS_META -> ControlResponse.ok(SloStatsMeta.all());
                case SET -> ControlResponse.ok(control.set(GroupChangeArgs.change(request.args())));
                default ->
                    ControlResponse.failure(
                            SchedcpException.Kind.NOT_FOUND,
                            "no request is named " + request.req()
                                    + "; scx_slo's agent answers stats, stats_meta and set");
            };
        } catch (SchedcpException e) {
            return ControlResponse.failure(e);
        } catch (RuntimeException e) {
            // A bug of the agent: the client gets its description, the log the stack trace.
            LOG.warn("scx_slo's agent failed to answer {}", request.req(), e);
            return ControlResponse.failure(
                    SchedcpException.Kind.IO, "scx_slo's agent failed to answer " + request.req() + ": " + e);
        }
    }
}
