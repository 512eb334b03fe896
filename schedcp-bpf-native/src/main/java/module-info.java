/**
 * libbpf through JNA, sched_ext objects driven from Java, and the custom-BPF provider: create, compile,
 * verify and run schedulers written in BPF C.
 */
module io.schedcp.bpf {
    requires transitive io.schedcp.core;
    // Transitive: the compiler and the verifier take the lab's toolchain and the lab itself.
    requires transitive io.schedcp.lab;
    requires com.sun.jna;
    requires org.slf4j;
    requires tools.jackson.databind;

    // The API: create, compile, verify and run custom schedulers; the CLI and the MCP server build on it.
    exports io.schedcp.bpf.custom;
    // Internal: libbpf from Java and the sched_ext loader over it (scx) serve this module's providers and the
    // SLO scheduler's and the userspace scheduler's agents. The CLI gets libbpf for the lab test that has a JVM load
    // scx_simple itself
    // (StructOpsProbe).
    exports io.schedcp.bpf.libbpf to
            io.schedcp.cli,
            io.schedcp.slo,
            io.schedcp.userspace;
    exports io.schedcp.bpf.scx to
            io.schedcp.slo,
            io.schedcp.userspace;
    // JNA proxies the native interfaces and calls the callbacks of this package. As written (option structs
    // laid out by hand, no JNA Structure) it runs on the module path without this; it is here so that a
    // Structure, whose fields JNA reads by reflection, works there too.
    opens io.schedcp.bpf.libbpf to
            com.sun.jna;
    // The custom provider's metadata and the verifier's result line are records read and written by Jackson.
    opens io.schedcp.bpf.custom to
            tools.jackson.databind;

    provides io.schedcp.api.spi.SchedulerProvider with
            io.schedcp.bpf.custom.CustomProvider;
}
