/**
 * The MCP server: the library's capabilities as MCP tools and resources over stdio. Thin: each tool is a
 * small class in {@code io.schedcp.mcp.tools} that calls the library; {@link io.schedcp.mcp.SchedcpMcpServer}
 * serves them.
 */
module io.schedcp.mcp {
    requires transitive io.schedcp.slo;
    requires io.modelcontextprotocol.sdk.mcp;
    requires org.slf4j;
    requires tools.jackson.databind;

    exports io.schedcp.mcp;

    // The tools' results are records turned into JSON by Jackson.
    opens io.schedcp.mcp.tools to tools.jackson.databind;
}
