/** libbpf through JNA and the providers built on it (custom BPF schedulers, the userspace policy). */
module io.schedcp.bpf {
    requires transitive io.schedcp.core;
    requires com.sun.jna;
    requires org.slf4j;

    exports io.schedcp.bpf.libbpf;

    // JNA proxies the native interfaces and calls the callbacks of this package. As written (option structs
    // laid out by hand, no JNA Structure) it runs on the module path without this; it is here so that a
    // Structure, whose fields JNA reads by reflection, works there too.
    opens io.schedcp.bpf.libbpf to com.sun.jna;
}
