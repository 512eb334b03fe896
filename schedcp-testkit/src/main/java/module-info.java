/**
 * What the tests of the other schedcp modules share: a fake /sys/kernel/sched_ext and the fake scheduler
 * program that plays the kernel's part in it (kernel), a provider that runs that program (provider), and a
 * JSON-RPC client that speaks to the MCP server as a real client does over stdio (jsonrpc).
 *
 * <p>The modules depend on it in test scope only, so it is on their tests' class path and never in the
 * distribution. It depends on the API alone, so that core's tests can use it too.
 */
module io.schedcp.testkit {
    // FakeProvider is a SchedulerProvider and JsonRpcClient hands out Jackson trees.
    requires transitive io.schedcp.api;
    requires transitive tools.jackson.databind;

    exports io.schedcp.testkit.jsonrpc;
    exports io.schedcp.testkit.kernel;
    exports io.schedcp.testkit.provider;
}
