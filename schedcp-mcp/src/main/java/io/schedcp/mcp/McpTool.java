package io.schedcp.mcp;

/**
 * One MCP tool: a name and description for the model, the schemas of its arguments and result, and a call
 * onto the library. Tools stay small: they read their arguments, call the library, and shape the answer.
 * A {@link io.schedcp.api.SchedcpException} thrown by a call becomes an error result with its message;
 * anything else is a bug, logged and reported as such. To add a tool, write one class and add it to
 * {@code io.schedcp.mcp.tools.SchedcpTools#entries}.
 */
public interface McpTool {

    /** The name clients call, in snake_case; part of the contract with clients, never renamed. */
    String name();

    /** What it does, when to use it and what it needs, for the model choosing a tool. */
    String description();

    /** Its arguments: an object schema, {@link JsonSchema#closed() closed}. */
    JsonSchema input();

    /** Its result value: an object schema. */
    JsonSchema output();

    /**
     * Whether a call changes the host: loads or stops a scheduler, writes files. A read-only server leaves
     * these out.
     */
    boolean changesHost();

    ToolResult call(ToolArguments arguments, ToolProgress progress) throws InterruptedException;
}
