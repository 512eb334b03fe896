package io.schedcp.slo.control;

import io.schedcp.api.SchedcpException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the requests of scx_slo's socket from a {@link SloControl}: every line gets one response, and a
 * failure, whatever it is, becomes an error response rather than leaving the socket.
 */
final class SloRequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SloRequestHandler.class);

    private final SloControl control;

    SloRequestHandler(SloControl control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    /** The response line (without its newline) to the request {@code line}. */
    String answer(String line) {
        SloResponse response;
        try {
            response = handle(SloWire.request(line));
        } catch (SchedcpException e) {
            response = SloResponse.failure(e);
        }
        return SloWire.responseLine(response);
    }

    SloResponse handle(SloRequest request) {
        try {
            return switch (request.req()) {
                case SloRequest.STATS -> SloResponse.ok(control.status());
                case SloRequest.STATS_META -> SloResponse.ok(SloStatsMeta.all());
                case SloRequest.SET -> SloResponse.ok(control.set(GroupChangeArgs.change(request.args())));
                default ->
                    SloResponse.failure(
                            SchedcpException.Kind.NOT_FOUND,
                            "no request is named " + request.req()
                                    + "; scx_slo's agent answers stats, stats_meta and set");
            };
        } catch (SchedcpException e) {
            return SloResponse.failure(e);
        } catch (RuntimeException e) {
            // A bug of the agent: the client gets its description, the log the stack trace.
            LOG.warn("scx_slo's agent failed to answer {}", request.req(), e);
            return SloResponse.failure(
                    SchedcpException.Kind.IO, "scx_slo's agent failed to answer " + request.req() + ": " + e);
        }
    }
}
