package io.schedcp.core.control;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.json.SchedcpJson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lines of an agent's socket (scx_slo's, scx_userspace's): one JSON object per line, UTF-8, each request answered by one response. The
 * shape is scx_stats', so that its clients (scxtop, {@code scx_stats} scripts) can ask schedcp's agents too.
 */
public final class ControlWire {

    private static final String REQ = "req";
    private static final String ARGS = "args";
    private static final String ERRNO = "errno";
    private static final String RESP = "resp";
    private static final String EXAMPLE = "{\"req\": \"stats\", \"args\": {}}";

    private ControlWire() {}

    /** The request on {@code line}, without its newline. */
    public static ControlRequest request(String line) {
        if (line.isBlank()) {
            throw invalid("the request line is empty; send one JSON object per line, such as " + EXAMPLE);
        }
        JsonNode tree = parse(line)
                .orElseThrow(() -> invalid("the request is not JSON: " + abbreviated(line) + "; send one JSON object"
                        + " per line, such as " + EXAMPLE));
        if (!tree.isObject()) {
            throw invalid("the request is " + tree.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not a JSON object; send one such as " + EXAMPLE);
        }
        JsonNode req = tree.get(REQ);
        if (req == null || !req.isString()) {
            throw invalid("the request has no \"req\" string; name what is asked, as in " + EXAMPLE);
        }
        return new ControlRequest(req.stringValue(), args(tree.get(ARGS)));
    }

    public static String requestLine(ControlRequest request) {
        ObjectNode tree = SchedcpJson.mapper().createObjectNode();
        tree.put(REQ, request.req());
        ObjectNode args = tree.putObject(ARGS);
        request.args().forEach(args::put);
        return SchedcpJson.line(tree);
    }

    public static String responseLine(ControlResponse response) {
        ObjectNode tree = SchedcpJson.mapper().createObjectNode();
        tree.put(ERRNO, response.errno());
        tree.putObject(ARGS).set(RESP, response.resp());
        return SchedcpJson.line(tree);
    }

    /**
     * The response on {@code line}.
     *
     * @throws IllegalArgumentException when the line is not a response; the caller names who sent it
     */
    public static ControlResponse response(String line) {
        JsonNode tree = parse(line).orElseThrow(() -> new IllegalArgumentException("not JSON: " + abbreviated(line)));
        JsonNode errno = tree.get(ERRNO);
        JsonNode resp = tree.path(ARGS).get(RESP);
        if (errno == null || !errno.canConvertToInt() || errno.intValue() < 0 || resp == null) {
            throw new IllegalArgumentException("not a response with an errno and args.resp: " + abbreviated(line));
        }
        return new ControlResponse(errno.intValue(), resp);
    }

    private static Optional<JsonNode> parse(String line) {
        try {
            return Optional.of(SchedcpJson.mapper().readTree(line));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> args(JsonNode args) {
        if (args == null || args.isNull()) {
            return Map.of();
        }
        if (!args.isObject()) {
            throw invalid("the request's \"args\" is not an object; give them as {\"name\": \"value\"}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> arg : args.properties()) {
            JsonNode value = arg.getValue();
            // scx_stats sends every value as a string; a bare number is read as the same text.
            if (!value.isString() && !value.isNumber()) {
                throw invalid(
                        "the arg " + arg.getKey() + " is not a string; give it as \"" + arg.getKey() + "\": \"value\"");
            }
            values.put(arg.getKey(), value.asString());
        }
        return values;
    }

    private static SchedcpException invalid(String message) {
        return new SchedcpException(SchedcpException.Kind.INVALID_INPUT, message);
    }

    private static String abbreviated(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }
}
