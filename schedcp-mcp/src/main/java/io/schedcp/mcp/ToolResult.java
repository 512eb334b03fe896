package io.schedcp.mcp;

import java.util.Objects;
import java.util.Optional;

/**
 * What a tool call gives back: a value for programs (sent as {@code structuredContent}, matching the tool's
 * output schema) and the same facts as text for people and for clients that read only text.
 *
 * @param value   a record or map; turned into JSON with snake_case names, absent values left out
 * @param text    a few readable lines
 * @param failure   whether the call did not do what was asked (MCP's {@code isError}), though it has a
 *                  result to show, such as a source's problems
 * @param errorKind with a failure, its cause for programs, sent in {@code _meta} as every error's is (such as
 *                  {@code rejected})
 */
public record ToolResult(Object value, String text, boolean failure, Optional<String> errorKind) {

    /** The cause of a custom scheduler that failed its checks, compilation or verification (the CLI's exit 11). */
    public static final String REJECTED = "rejected";

    public ToolResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(errorKind, "errorKind");
        if (failure != errorKind.isPresent()) {
            throw new IllegalArgumentException("a failed result, and only one, names its error kind");
        }
    }

    public static ToolResult of(Object value, String text) {
        return new ToolResult(value, text, false, Optional.empty());
    }

    /** @param errorKind the cause, as the {@code io.schedcp/error_kind} of every error names one */
    public static ToolResult failed(Object value, String text, String errorKind) {
        return new ToolResult(value, text, true, Optional.of(errorKind));
    }
}
