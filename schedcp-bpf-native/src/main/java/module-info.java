/** libbpf through JNA and the providers built on it (custom BPF schedulers, the userspace policy). */
module io.schedcp.bpf {
    requires transitive io.schedcp.core;
}
