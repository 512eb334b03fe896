package io.schedcp.mcp;

import java.util.Objects;

/**
 * What a tool call gives back: a value for programs (sent as {@code structuredContent}, matching the tool's
 * output schema) and the same facts as text for people and for clients that read only text.
 *
 * @param value   a record or map; turned into JSON with snake_case names, absent values left out
 * @param text    a few readable lines
 * @param failure whether the call did not do what was asked (MCP's {@code isError}), though it has a result
 *                to show, such as a source's problems
 */
public record ToolResult(Object value, String text, boolean failure) {

    public ToolResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    public static ToolResult of(Object value, String text) {
        return new ToolResult(value, text, false);
    }

    public static ToolResult failed(Object value, String text) {
        return new ToolResult(value, text, true);
    }
}
