/** The schedcp command line. */
module io.schedcp.cli {
    requires io.schedcp.core;
    requires io.schedcp.lab;
    requires io.schedcp.bpf;
    requires io.schedcp.slo;
    requires io.schedcp.userspace;
    requires io.schedcp.mcp;
    requires io.schedcp.daemon;
    requires info.picocli;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires tools.jackson.databind;
    requires jdk.unsupported;

    exports io.schedcp.cli;

    opens io.schedcp.cli to
            info.picocli,
            tools.jackson.databind;

    // Logback is the SLF4J backend, configured in code when it starts (at the first logger), not from XML.
    provides ch.qos.logback.classic.spi.Configurator with
            io.schedcp.cli.logging.LogConfigurator;
}
