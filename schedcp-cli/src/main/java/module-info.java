/** The schedcp command line. */
module io.schedcp.cli {
    requires io.schedcp.core;
    requires io.schedcp.lab;
    requires io.schedcp.bpf;
    requires io.schedcp.mcp;
    requires info.picocli;
    requires org.slf4j;
    requires tools.jackson.databind;
    requires jdk.unsupported;

    exports io.schedcp.cli;

    opens io.schedcp.cli to info.picocli, tools.jackson.databind;

    provides org.slf4j.spi.SLF4JServiceProvider with io.schedcp.cli.logging.FileLogServiceProvider;
}
