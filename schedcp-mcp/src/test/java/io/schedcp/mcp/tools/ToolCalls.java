package io.schedcp.mcp.tools;

import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.util.Map;

/** Calls a tool as the server does: its arguments checked against its schema first. */
final class ToolCalls {

    private ToolCalls() {}

    static ToolResult call(McpTool tool, Map<String, Object> arguments) throws InterruptedException {
        return call(tool, arguments, ToolProgress.NONE);
    }

    static ToolResult call(McpTool tool, Map<String, Object> arguments, ToolProgress progress)
            throws InterruptedException {
        return tool.call(new ToolArguments(tool.name(), tool.input(), arguments).requireKnown(), progress);
    }
}
