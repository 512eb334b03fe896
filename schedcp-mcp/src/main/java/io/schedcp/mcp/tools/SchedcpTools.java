package io.schedcp.mcp.tools;

import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolContext;
import java.util.List;

/** The tools the server offers, in the order clients list them. A new tool is one class and one line here. */
public final class SchedcpTools {

    private SchedcpTools() {
    }

    public static List<McpTool> all(ToolContext context) {
        return List.of(
                new ListSchedulersTool(context.manager()),
                new RunSchedulerTool(context.manager()),
                new StopSchedulerTool(context.manager()),
                new ExecutionStatusTool(context.manager()),
                new CreateAndVerifySchedulerTool(context),
                new SystemMonitorTool(context.monitors()),
                new WorkloadTool(context.workloads()),
                new RecommendSchedulerTool(context.manager(), context.workloads()),
                new BenchmarkTool(context.manager(), context.workloads(), context.monitors()));
    }
}
