/**
 * scx_slo, the SLO-aware earliest-deadline-first scheduler (bpf/slo), and its agent: the YAML config, the
 * cgroups it names and the stats slots they get, the codecs of the BPF maps, the statistics of wake-to-run
 * latency and deadline misses, the loader that runs the scheduler, and the socket through which other
 * processes read its figures and change its groups.
 */
module io.schedcp.slo {
    // Transitive: the config and the resolution fail with SchedcpExceptions, which callers catch.
    requires transitive io.schedcp.api;
    requires io.schedcp.core;
    // libbpf from Java and the sched_ext loader (qualified exports of this module's bpf-native).
    requires io.schedcp.bpf;
    requires io.schedcp.lab;
    requires org.slf4j;
    // Not transitive: the YAML parser reads the config, the socket speaks JSON, and no exported signature
    // shows a Jackson type.
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;

    // The API: the config and its reader (config), cgroup resolution (cgroup), the statistics and the status
    // that front ends show (stats), and a running scheduler's control, served and reached (control).
    exports io.schedcp.slo.config;
    exports io.schedcp.slo.cgroup;
    exports io.schedcp.slo.stats;
    exports io.schedcp.slo.control;
    // Not exported: the stats slots (slot), the map codecs (maps) and the loader (agent) are the agent's own.

    // The status, the groups and the socket's messages are records that Jackson writes and reads.
    opens io.schedcp.slo.stats to
            tools.jackson.databind;
    opens io.schedcp.slo.config to
            tools.jackson.databind;
    opens io.schedcp.slo.control to
            tools.jackson.databind;

    provides io.schedcp.api.spi.SchedulerProvider with
            io.schedcp.slo.agent.SloProvider;
}
