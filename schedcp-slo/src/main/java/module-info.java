/**
 * The agent of scx_slo, the SLO-aware earliest-deadline-first scheduler (bpf/slo): its YAML config, the
 * cgroups it names and the stats slots they get, the codecs of the BPF maps, and the statistics of wake-to-run
 * latency and deadline misses. The loader and the provider come later, in this module.
 */
module io.schedcp.slo {
    // Transitive: the config and the resolution fail with SchedcpExceptions, which callers catch.
    requires transitive io.schedcp.api;
    // Only for TextInput, the size-capped read of the config file; no core type is in this API.
    requires io.schedcp.core;
    // Not transitive: the YAML parser reads the config, and no exported signature shows a Jackson type.
    requires tools.jackson.core;
    requires tools.jackson.dataformat.yaml;

    // The API: the config and its reader (config), cgroup resolution (cgroup), the statistics and the status
    // that front ends show (stats).
    exports io.schedcp.slo.config;
    exports io.schedcp.slo.cgroup;
    exports io.schedcp.slo.stats;
// Not exported: the stats slots (slot) and the map codecs (maps) are the agent's own, for its loader.
}
