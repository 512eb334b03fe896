/**
 * schedcp daemon: one long-running owner of the scheduler. It serves the library as a REST API (JSON under
 * /api/v1) on a Unix socket and, if asked, on a TCP port, behind bearer tokens; it restarts a scheduler that
 * the kernel ejects or that crashes, with backoff; and it exports its figures as Prometheus metrics.
 */
module io.schedcp.daemon {
    // The daemon's builder takes the manager and the config (core), whose types its API shows.
    requires transitive io.schedcp.core;
    // DaemonServices shows the agents' control clients.
    requires transitive io.schedcp.slo;
    requires transitive io.schedcp.userspace;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.unixdomain.server;
    requires org.eclipse.jetty.client;
    // The Prometheus client's jars are automatic modules, named by their manifests.
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.writer.text;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;
    requires org.slf4j;

    exports io.schedcp.daemon;
    exports io.schedcp.daemon.auth;
    exports io.schedcp.daemon.config;
    exports io.schedcp.daemon.mode;
    exports io.schedcp.daemon.supervise;
    // The CLI and the MCP server reach a running daemon through it.
    exports io.schedcp.daemon.client;
    exports io.schedcp.daemon.bench;

    // The endpoints' answers are records that Jackson writes.
    opens io.schedcp.daemon.api to
            tools.jackson.databind;
    opens io.schedcp.daemon.supervise to
            tools.jackson.databind;
    opens io.schedcp.daemon.http to
            tools.jackson.databind;
    opens io.schedcp.daemon.bench to
            tools.jackson.databind;
}
