package io.schedcp.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's input as the SDK's stdio transport reads it. The transport stops reading for good at the
 * first line it cannot decode, and then nothing would notice the client leave; so each line is decoded here
 * first, the way the transport will, and one that fails is answered with a JSON-RPC error and dropped. The
 * end of the input (EOF or a read error: the client is gone) is told once. A request whose {@code params} is
 * not an object, or a {@code tools/call} without a string {@code name}, is answered here with -32602 (invalid
 * params) before the SDK turns it into an internal error. Each {@code tools/call} is given a key in its
 * {@code _meta} ({@link #REQUEST_KEY}), by which a later {@code notifications/cancelled} of the client finds
 * and cancels it.
 */
final class ProtocolInput extends InputStream {

    /** Longer lines are refused; the transport's own limit is 16 M characters. */
    static final int MAX_LINE_BYTES = 8 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolInput.class);
    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;
    private static final int INVALID_PARAMS = -32602;
    /** The {@code _meta} key of a tools/call that names its JSON-RPC request, for cancelling it. */
    static final String REQUEST_KEY = "io.schedcp/request";

    private final InputStream in;
    private final OutputStream out;
    private final McpJsonMapper json;
    private final Runnable onEnd;
    private final Consumer<String> onCancel;
    private final Set<String> toolNames;
    private byte[] line = new byte[0];
    private int position;
    private boolean ended;

    /**
     * @param out   where the answer to a refused line goes; the same stream the transport writes, whose
     *              monitor it holds for each message
     * @param onEnd    called once when the input ends
     * @param onCancel  called with the key of a request the client cancelled
     * @param toolNames the tools the server offers; a tools/call of another is answered here, its name cut short
     */
    ProtocolInput(
            InputStream in,
            OutputStream out,
            McpJsonMapper json,
            Runnable onEnd,
            Consumer<String> onCancel,
            Set<String> toolNames) {
        this.in = new BufferedInputStream(in);
        this.out = out;
        this.json = json;
        this.onEnd = onEnd;
        this.onCancel = onCancel;
        this.toolNames = Set.copyOf(toolNames);
    }

    @Override
    public int read() throws IOException {
        if (position == line.length && !nextLine()) {
            return -1;
        }
        return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == line.length && !nextLine()) {
            return -1;
        }
        int n = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Reads lines until one decodes; false at the end of the input. */
    private boolean nextLine() throws IOException {
        while (!ended) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            boolean tooLong = false;
            int b;
            try {
                while ((b = in.read()) >= 0 && b != '\n') {
                    if (bytes.size() < MAX_LINE_BYTES) {
                        bytes.write(b);
                    } else {
                        tooLong = true;
                    }
                }
            } catch (IOException e) {
                end();
                throw e;
            }
            if (b < 0 && bytes.size() == 0) {
                end();
                return false;
            }
            // A raw CR may only be whitespace in JSON; the transport would take it for the end of a line.
            String text = bytes.toString(StandardCharsets.UTF_8).replace('\r', ' ');
            if (tooLong) {
                refuse(text.substring(0, 80), PARSE_ERROR, "a message longer than " + MAX_LINE_BYTES + " bytes", null);
            } else if (!text.isBlank() && accepted(text)) {
                Optional<String> routed = route(text);
                if (routed.isPresent()) {
                    line = (routed.get() + "\n").getBytes(StandardCharsets.UTF_8);
                    position = 0;
                    return true;
                }
            }
        }
        return false;
    }

    private boolean accepted(String text) {
        try {
            McpSchema.deserializeJsonRpcMessage(json, text);
            return true;
        } catch (Exception e) {
            Object parsed;
            try {
                parsed = json.readValue(text, Object.class);
            } catch (Exception notJson) {
                refuse(text, PARSE_ERROR, "not JSON", null);
                return false;
            }
            Object id = parsed instanceof Map<?, ?> map ? map.get("id") : null;
            refuse(text, INVALID_REQUEST, "not a JSON-RPC request, notification or response", id);
            return false;
        }
    }

    /**
     * A message the SDK can decode, looked at once more: a request's params checked, a tools/call given its
     * key, a cancellation passed on. Empty when the line was answered here.
     */
    private Optional<String> route(String text) {
        Object parsed;
        try {
            parsed = json.readValue(text, Object.class);
        } catch (IOException e) {
            return Optional.of(text);
        }
        if (!(parsed instanceof Map<?, ?> message) || !(message.get("method") instanceof String method)) {
            return Optional.of(text);
        }
        Object params = message.get("params");
        if (!message.containsKey("id")) {
            if (method.equals("notifications/cancelled")
                    && params instanceof Map<?, ?> cancelled
                    && cancelled.get("requestId") != null) {
                onCancel.accept(requestKey(cancelled.get("requestId")));
            }
            return Optional.of(text);
        }
        Object id = message.get("id");
        if (message.containsKey("params") && !(params instanceof Map)) {
            invalidParams(
                    text,
                    id,
                    "the params of " + EchoedValues.cut(method) + " must be a JSON object, not " + jsonType(params));
            return Optional.empty();
        }
        if (!method.equals("tools/call")) {
            return Optional.of(text);
        }
        Map<?, ?> call = params == null ? Map.of() : (Map<?, ?>) params;
        Object meta = call.get("_meta");
        if (!(call.get("name") instanceof String)
                || (call.get("arguments") != null && !(call.get("arguments") instanceof Map))
                || (meta != null && !(meta instanceof Map))) {
            invalidParams(
                    text,
                    id,
                    "the params of tools/call are {\"name\": the tool's name, a string, "
                            + "\"arguments\": an object}; tools/list gives the names and each tool's arguments");
            return Optional.empty();
        }
        String tool = (String) call.get("name");
        if (!toolNames.contains(tool)) {
            invalidParams(
                    text,
                    id,
                    "this server has no tool '" + EchoedValues.cut(tool) + "'; tools/list gives " + "its tools: "
                            + String.join(", ", new TreeSet<>(toolNames)));
            return Optional.empty();
        }
        Map<String, Object> tagged = new LinkedHashMap<>();
        message.forEach((k, v) -> tagged.put(String.valueOf(k), v));
        Map<String, Object> taggedParams = new LinkedHashMap<>();
        call.forEach((k, v) -> taggedParams.put(String.valueOf(k), v));
        Map<String, Object> taggedMeta = new LinkedHashMap<>();
        if (meta instanceof Map<?, ?> given) {
            given.forEach((k, v) -> taggedMeta.put(String.valueOf(k), v));
        }
        taggedMeta.put(REQUEST_KEY, requestKey(id));
        taggedParams.put("_meta", taggedMeta);
        tagged.put("params", taggedParams);
        try {
            return Optional.of(json.writeValueAsString(tagged));
        } catch (IOException e) {
            return Optional.of(text);
        }
    }

    /** A request id as a key: a number and a string of the same digits are different ids. */
    static String requestKey(Object id) {
        return (id instanceof Number ? "n:" : "s:") + id;
    }

    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof List ? "an array" : "a " + value.getClass().getSimpleName();
    }

    private void invalidParams(String text, Object id, String why) {
        answer(text, INVALID_PARAMS, why, "invalid params: " + why, id);
    }

    /** Answers a refused line with a JSON-RPC error, for its id when it has one. */
    private void refuse(String text, int code, String why, Object id) {
        answer(text, code, why, "schedcp refused a line: " + why + "; send one JSON-RPC 2.0 message a line", id);
    }

    private void answer(String text, int code, String why, String message, Object id) {
        String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        LOG.warn("refused a line from the client ({}): {}", why, shown);
        try {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("jsonrpc", "2.0");
            error.put("id", id);
            error.put("error", Map.of("code", code, "message", message));
            byte[] answer = (json.writeValueAsString(error) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("could not answer a refused line: {}", e.toString());
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            onEnd.run();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
