package io.schedcp.daemon.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of an answer that is written as it happens, such as server-sent events: the handler sets the status
 * and the headers, then hands the response's stream to {@link #writeTo}, which writes and flushes each piece when
 * it has it and returns when the answer is complete. It runs on the request's thread, and holds it until then.
 *
 * <p>Whatever can fail before the first byte (no such job, say) belongs in the endpoint, which throws before it
 * returns the answer, so that the error is JSON with its status; once streaming, only the connection can end.
 */
@FunctionalInterface
public interface StreamBody {

    /**
     * @throws IOException when the client has gone away: the writing stops
     * @throws InterruptedException when the daemon is stopping
     */
    void writeTo(OutputStream out) throws IOException, InterruptedException;
}
