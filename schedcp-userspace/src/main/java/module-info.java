/**
 * scx_userspace, the userspace-policy scheduler (bpf/userspace): the BPF side hands each runnable task to Java
 * through a ring buffer, a {@link io.schedcp.api.policy.SchedulingPolicy} decides, and the decision goes back
 * through a user ring buffer. The built-in policies and the registry that finds plugin policies (policy), the
 * strategies that match tasks by pid, command or cgroup (strategy), the virtual-clock harness that runs a
 * policy without a kernel (harness), the rings mapped into the JVM (ring), the decision loop (loop) and the
 * provider and loader (agent).
 */
module io.schedcp.userspace {
    requires transitive io.schedcp.api;
    requires io.schedcp.core;
    requires io.schedcp.bpf;
    requires io.schedcp.lab;
    requires com.sun.jna;
    requires org.slf4j;
    requires tools.jackson.databind;

    // Exported packages: the policies and their registry, the strategies, the harness, the rings and the loop.
    exports io.schedcp.userspace.policy;
    exports io.schedcp.userspace.strategy;
    exports io.schedcp.userspace.harness;
    exports io.schedcp.userspace.ring;
    exports io.schedcp.userspace.loop;
    // The figures BPF counts, for the status, MCP and the daemon's metrics.
    exports io.schedcp.userspace.stats;
    // The running agent from another process: its status and its strategies over the control socket.
    exports io.schedcp.userspace.control;

    // The status and the control socket's answers are records that SchedcpJson writes and reads back.
    opens io.schedcp.userspace.policy to
            tools.jackson.databind;
    opens io.schedcp.userspace.stats to
            tools.jackson.databind;
    opens io.schedcp.userspace.loop to
            tools.jackson.databind;
    opens io.schedcp.userspace.control to
            tools.jackson.databind;

    uses io.schedcp.api.policy.PolicyProvider;

    provides io.schedcp.api.spi.SchedulerProvider with
            io.schedcp.userspace.agent.UserspaceProvider;
}
