package io.schedcp.core.control;

import io.schedcp.api.SchedcpException;

/**
 * What a scheduler's agent answers on its {@link ControlServer}: one response to each request. The server
 * calls it from one thread per connection, so at once from several.
 */
@FunctionalInterface
public interface ControlHandler {

    /**
     * The answer to {@code request}; a failure is an error response ({@link ControlResponse#failure}), not an
     * exception, though one that escapes is answered as an IO failure.
     */
    ControlResponse handle(ControlRequest request);

    /** The response line (without its newline) to the request {@code line}. */
    default String answer(String line) {
        ControlResponse response;
        try {
            response = handle(ControlWire.request(line));
        } catch (SchedcpException e) {
            response = ControlResponse.failure(e);
        }
        return ControlWire.responseLine(response);
    }
}
