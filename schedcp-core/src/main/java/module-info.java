/**
 * The schedcp library: the scheduler manager and its rules, provider discovery (ServiceLoader and plugin
 * directories), the built-in scx provider and its catalog, the kernel's sched_ext state, privilege, the
 * system monitor, workload profiles with the history of their runs, and Kubernetes pods' cgroups.
 */
module io.schedcp.core {
    requires transitive io.schedcp.api;
    requires org.slf4j;
    // Not transitive: Jackson reads and writes the files, and no exported signature shows a Jackson type.
    requires tools.jackson.databind;
    requires java.management;

    // The API an embedding program uses: the configuration, the manager and its builder (manager), the
    // kernel's sched_ext state (kernel), the system monitor, workloads and their history, recommendations and
    // benchmarks.
    exports io.schedcp.core;
    exports io.schedcp.core.bench;
    exports io.schedcp.core.kernel;
    // Kubernetes pods on this node: their cgroups and processes from /proc, found by namespace/name or labels
    // through a metadata file the user supplies (kubectl get pods -o json).
    exports io.schedcp.core.kube;
    exports io.schedcp.core.manager;
    exports io.schedcp.core.monitor;
    exports io.schedcp.core.recommend;
    exports io.schedcp.core.workload;

    // Internal, shared with the modules that start processes of their own: the password-free child
    // environment (lab, bpf), the helper-JVM command (bpf, slo, userspace) and the privileged launcher (bpf),
    // signal names (mcp). The CLI's, the MCP server's and the daemon's tests build launchers with a chosen privilege.
    exports io.schedcp.core.process to
            io.schedcp.lab,
            io.schedcp.bpf,
            io.schedcp.slo,
            io.schedcp.userspace,
            io.schedcp.mcp,
            io.schedcp.cli,
            io.schedcp.daemon;
    // Internal: atomic, locked file writes and size-capped reads of files a user names, for the custom store
    // (bpf), the SLO config file (slo), the daemon's config file (daemon) and the CLI's bench output and
    // history input.
    exports io.schedcp.core.store to
            io.schedcp.bpf,
            io.schedcp.slo,
            io.schedcp.daemon,
            io.schedcp.cli;
    // Internal: the one JSON configuration (SchedcpJson) of what schedcp writes out and reads back, for the
    // custom store and verifier (bpf), the SLO agent's socket (slo), tool results (mcp), the daemon's answers
    // (daemon) and --json (cli); and YamlSyntaxError, for the SLO config's and the daemon config's readers. Their
    // signatures show Jackson's types, which each of those modules requires itself.
    exports io.schedcp.core.json to
            io.schedcp.bpf,
            io.schedcp.slo,
            io.schedcp.mcp,
            io.schedcp.daemon,
            io.schedcp.cli;
    // Internal: the line-based JSON Unix socket of an agent (server, client, scx_stats' request shape), for the
    // agents of scx_slo (slo) and scx_userspace (userspace); the CLI and the MCP server reach them through their
    // clients, and their tests build fake servers with it.
    exports io.schedcp.core.control to
            io.schedcp.slo,
            io.schedcp.userspace,
            io.schedcp.mcp,
            io.schedcp.cli;
    // Internal: plugin loading (provider), for scx_userspace's policies, which plugins in the same directories
    // provide: the policy registry (userspace) looks for them in the layer or class loader of each plugin.
    // Otherwise provider discovery is reached through the manager's builder only, and the scx provider (scx)
    // through ServiceLoader only.
    exports io.schedcp.core.provider to
            io.schedcp.userspace;

    // Workload profiles and history are records read and written by Jackson (workloads.json).
    opens io.schedcp.core.workload to
            tools.jackson.databind;

    // The monitor's summary is a record the workload history writes and reads back with Jackson.
    opens io.schedcp.core.monitor to
            tools.jackson.databind;

    uses io.schedcp.api.spi.SchedulerProvider;

    provides io.schedcp.api.spi.SchedulerProvider with
            io.schedcp.core.scx.ScxProvider;
}
