/** The SLO-aware earliest-deadline-first scheduler provider. */
module io.schedcp.slo {
    requires transitive io.schedcp.bpf;
}
