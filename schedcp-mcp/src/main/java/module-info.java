/**
 * The MCP server: the library's capabilities as MCP tools and resources over stdio. Thin: each tool is a
 * small class in {@code io.schedcp.mcp.tools} that calls the library; {@link io.schedcp.mcp.SchedcpMcpServer}
 * serves them.
 */
module io.schedcp.mcp {
    // Transitive where the exported API shows their types: a tool's failure is a SchedcpException (api), and
    // the server's builder takes the manager, the workload store and the monitors (core), the custom
    // scheduler objects (bpf), a running scx_slo's control (slo), a running scx_userspace's (userspace) and a running
    // daemon's
    // client (daemon). Jackson's core and annotations come with databind, whose API re-exports them.
    requires transitive io.schedcp.api;
    requires transitive io.schedcp.core;
    requires transitive io.schedcp.bpf;
    requires transitive io.schedcp.slo;
    requires transitive io.schedcp.userspace;
    // The builder takes a DaemonFinder, which hands out the daemon's client.
    requires transitive io.schedcp.daemon;
    requires io.modelcontextprotocol.sdk.mcp;
    requires org.slf4j;
    requires tools.jackson.databind;

    exports io.schedcp.mcp;

    // The tools' results are records turned into JSON by Jackson.
    opens io.schedcp.mcp.tools to
            tools.jackson.databind;
}
