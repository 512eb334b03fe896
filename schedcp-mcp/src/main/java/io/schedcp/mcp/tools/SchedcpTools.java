package io.schedcp.mcp.tools;

import io.schedcp.mcp.ToolCatalog;
import io.schedcp.mcp.ToolCatalog.Entry;
import java.util.List;

/**
 * The tools the server offers, in the order clients list them, each with the summary and host effect from
 * which {@link ToolCatalog} makes every list of tools. A new tool is one class and one entry here.
 */
public final class SchedcpTools {

    private SchedcpTools() {}

    public static List<Entry> entries() {
        return List.of(
                new Entry(
                        "list_schedulers",
                        "which schedulers exist, what each is good for and whether it can run " + "here",
                        false,
                        context -> new ListSchedulersTool(context.manager())),
                new Entry(
                        "run_scheduler",
                        "starts one in the background (the kernel runs one at a time) and " + "returns an execution id",
                        true,
                        context -> new RunSchedulerTool(context.manager(), context.daemon())),
                new Entry(
                        "stop_scheduler",
                        "stops a started scheduler by its execution id and confirms the kernel "
                                + "is back on its default",
                        true,
                        context -> new StopSchedulerTool(context.manager(), context.daemon())),
                new Entry(
                        "get_execution_status",
                        "the state, uptime and output of a started scheduler, by its " + "execution id",
                        false,
                        context -> new ExecutionStatusTool(context.manager(), context.daemon())),
                new Entry(
                        "create_and_verify_scheduler",
                        "turns BPF C source into a custom scheduler, verified in a " + "real sched_ext kernel",
                        true,
                        CreateAndVerifySchedulerTool::new),
                new Entry(
                        "system_monitor",
                        "samples the host's CPU, memory, run queues and CPU pressure over a " + "window",
                        false,
                        context -> new SystemMonitorTool(context.monitors())),
                new Entry(
                        "workload",
                        "workload profiles and the history of how each scheduler ran them",
                        true,
                        context -> new WorkloadTool(context.workloads())),
                new Entry(
                        "recommend_scheduler",
                        "ranks schedulers for a workload by its tags and its history",
                        false,
                        context -> new RecommendSchedulerTool(context.manager(), context.workloads())),
                new Entry(
                        "benchmark",
                        "runs a command under several schedulers and records and compares the " + "figures",
                        true,
                        context -> new BenchmarkTool(context.manager(), context.workloads(), context.monitors())),
                new Entry(
                        "slo",
                        "a running scx_slo's latency figures per cgroup, and a group's budget changed while it runs",
                        true,
                        context -> new SloTool(context.slo())),
                new Entry(
                        "policy",
                        "a running scx_userspace's figures, and the strategies its policy follows changed while it"
                                + " runs",
                        true,
                        context -> new PolicyTool(context.policy())));
    }
}
