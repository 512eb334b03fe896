package io.schedcp.slo.maps;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.slo.maps.HeaderStructs.Field;
import io.schedcp.slo.maps.HeaderStructs.Struct;
import io.schedcp.slo.stats.LatencyHistogram;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java layouts against bpf/slo/scx_slo.h itself, so that a change of the header fails here first. */
class SloLayoutTest {

    private static Map<String, Struct> header;

    @BeforeAll
    static void readHeader() throws IOException {
        header = HeaderStructs.read();
    }

    @Test
    void sloCfgIsLaidOutAsTheHeaderSays() {
        Struct cfg = header.get("slo_cfg");

        assertThat(cfg.fields())
                .containsExactly(
                        Map.entry("budget_ns", new Field(SloLayout.CFG_BUDGET_NS, 8)),
                        Map.entry("importance", new Field(SloLayout.CFG_IMPORTANCE, 4)),
                        Map.entry("flags", new Field(SloLayout.CFG_FLAGS, 4)),
                        Map.entry("max_cpu_pct", new Field(SloLayout.CFG_MAX_CPU_PCT, 4)),
                        Map.entry("slot", new Field(SloLayout.CFG_SLOT, 4)));
        assertThat(cfg.size()).isEqualTo(SloLayout.CFG_SIZE).isEqualTo(24);
    }

    @Test
    void sloStatsIsLaidOutAsTheHeaderSays() {
        Struct stats = header.get("slo_stats");

        assertThat(stats.fields())
                .containsExactly(
                        Map.entry("runs", new Field(SloLayout.STATS_RUNS, 8)),
                        Map.entry("misses", new Field(SloLayout.STATS_MISSES, 8)),
                        Map.entry("total_lateness_ns", new Field(SloLayout.STATS_TOTAL_LATENESS_NS, 8)),
                        Map.entry("max_lateness_ns", new Field(SloLayout.STATS_MAX_LATENESS_NS, 8)),
                        Map.entry("cpu_ns", new Field(SloLayout.STATS_CPU_NS, 8)),
                        Map.entry("dropped_events", new Field(SloLayout.STATS_DROPPED_EVENTS, 8)),
                        Map.entry("throttled", new Field(SloLayout.STATS_THROTTLED, 8)),
                        Map.entry("pad", new Field(SloLayout.STATS_PAD, 8)),
                        Map.entry("hist", new Field(SloLayout.STATS_HIST, SloLayout.HIST_BUCKETS * 8)));
        assertThat(stats.size()).isEqualTo(SloLayout.STATS_SIZE).isEqualTo(576);
    }

    @Test
    void sloMissEventIsLaidOutAsTheHeaderSays() {
        Struct event = header.get("slo_miss_event");

        assertThat(event.fields())
                .containsExactly(
                        Map.entry("cgroup_id", new Field(SloLayout.EVENT_CGROUP_ID, 8)),
                        Map.entry("pid", new Field(SloLayout.EVENT_PID, 4)),
                        Map.entry("cpu", new Field(SloLayout.EVENT_CPU, 4)),
                        Map.entry("lateness_ns", new Field(SloLayout.EVENT_LATENESS_NS, 8)),
                        Map.entry("timestamp_ns", new Field(SloLayout.EVENT_TIMESTAMP_NS, 8)));
        assertThat(event.size()).isEqualTo(SloLayout.EVENT_SIZE).isEqualTo(32);
    }

    @Test
    void theConstantsAreTheHeaders() throws IOException {
        String text = Files.readString(HeaderStructs.HEADER);

        assertThat(text)
                .containsPattern("#define SLO_MAX_GROUPS\\s+" + SloLayout.MAX_GROUPS + "\\b")
                .containsPattern("#define SLO_HIST_BUCKETS\\s+" + SloLayout.HIST_BUCKETS + "\\b")
                .containsPattern("#define SLO_UNCONFIGURED\\s+" + SloLayout.UNCONFIGURED + "ULL\\b");
        assertThat(LatencyHistogram.BUCKETS).isEqualTo(SloLayout.HIST_BUCKETS);
    }
}
