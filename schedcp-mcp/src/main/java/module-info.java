/** The MCP server: the library's capabilities as MCP tools over stdio. */
module io.schedcp.mcp {
    requires transitive io.schedcp.slo;
}
