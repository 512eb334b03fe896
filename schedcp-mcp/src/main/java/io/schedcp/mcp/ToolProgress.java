package io.schedcp.mcp;

/**
 * Where a long tool call says how it is getting on: MCP progress notifications when the client asked for
 * them with a progress token, nowhere otherwise.
 */
@FunctionalInterface
public interface ToolProgress {

    ToolProgress NONE = message -> {};

    void report(String message);
}
