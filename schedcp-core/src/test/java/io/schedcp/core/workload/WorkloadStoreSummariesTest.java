package io.schedcp.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.monitor.MonitorSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs' monitor summaries in workloads.json: today's records, and the JSON trees of earlier builds (see README.md). */
class WorkloadStoreSummariesTest {

    private static final String WORKLOAD = "w-0d6a6b76";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @BeforeEach
    void givenAFileWrittenWhileSummariesWereTrees() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("workloads-summaries-as-trees.json")) {
            Files.copy(in, file());
        }
    }

    private WorkloadStore store() {
        return new WorkloadStore(
                home, Clock.fixed(Instant.parse("2026-12-02T09:00:00Z"), ZoneOffset.UTC), Tagger.standard());
    }

    private Path file() {
        return home.resolve(WorkloadStore.FILE_NAME);
    }

    private MonitorSummary summaryOf(String run) {
        return store().history(WORKLOAD).stream()
                .filter(e -> e.id().equals(run))
                .findFirst()
                .orElseThrow()
                .run()
                .monitorSummary()
                .orElseThrow();
    }

    private JsonNode storedRuns() throws IOException {
        return JSON.readTree(Files.readString(file())).get("history").get(WORKLOAD);
    }

    @Test
    void aBenchSummaryOfAnEarlierBuildReadsBackWithEveryFigure() {
        MonitorSummary summary = summaryOf("h-e3dfcd68");

        assertThat(summary.start()).isEqualTo(Instant.parse("2026-12-02T00:04:43.582805427Z"));
        assertThat(summary.intervalMillis()).isEqualTo(500);
        assertThat(summary.sampleCount()).isEqualTo(4);
        assertThat(summary.cpuPercentByCpu()).containsOnlyKeys(0, 1);
        assertThat(summary.memory().totalKb()).isEqualTo(2014768);
        assertThat(summary.schedStat()).hasValueSatisfying(stat -> {
            assertThat(stat.version()).isEqualTo(17);
            assertThat(stat.byCpu()).containsOnlyKeys(0, 1);
        });
        assertThat(summary.pressure())
                .hasValueSatisfying(p -> assertThat(p.someAvg10().max()).isEqualTo(3.63));
        assertThat(summary.schedExt().opsSeen()).containsExactly("simple");
        assertThat(summary.schedExt().events()).containsKey("SCX_EV_DISPATCH_KEEP_LAST");
    }

    @Test
    void theNullsAnEarlierBenchWroteForMissingFiguresReadAsAbsent() {
        MonitorSummary summary = summaryOf("h-d5588144");

        assertThat(summary.schedStat()).isEmpty();
        assertThat(summary.pressure()).isEmpty();
        assertThat(summary.schedExt().supported()).isTrue();
    }

    @Test
    void aSummaryFromMonitorJsonGivenToAddHistoryReadsBack() {
        MonitorSummary summary = summaryOf("h-0afdf84a");

        assertThat(summary.intervalMillis()).isEqualTo(1000);
        assertThat(summary.sampleCount()).isEqualTo(2);
        assertThat(summary.schedStat()).isEmpty();
    }

    @Test
    void aSummaryThatIsNotAMonitorSummaryLeavesItsRunWithoutOneAndTheFileReadable() {
        WorkloadStore store = store();

        List<HistoryEntry> history = store.history(WORKLOAD);

        assertThat(history)
                .extracting(HistoryEntry::id)
                .containsExactly("h-e3dfcd68", "h-d5588144", "h-0afdf84a", "h-8f68642d");
        assertThat(history.get(3).run().monitorSummary()).isEmpty();
        assertThat(history.get(3).run().result()).isEqualTo("a hand-written summary");
        assertThat(store.problems()).isEmpty();
    }

    @Test
    void aWriteKeepsTheEarlierRunsAsTheyWereTheUnreadableSummaryIncluded() throws IOException {
        JsonNode before = storedRuns();

        store().addHistory(WORKLOAD, RunRecord.of("scx_bpfland", Instant.parse("2026-12-02T09:00:00Z"), "new"));

        JsonNode after = storedRuns();
        assertThat(after).hasSize(5);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as(before.get(i).get("id").asString()).isEqualTo(before.get(i));
        }
        assertThat(after.get(3).get("monitor_summary").get("cpu_busy_pct").asDouble())
                .isEqualTo(93.5);
    }

    @Test
    void aSummaryIsWrittenAsTheMonitorWritesItAndReadsBackEqual() throws IOException {
        MonitorSummary summary = summaryOf("h-d5588144");
        RunRecord run = RunRecord.of("scx_bpfland", Instant.parse("2026-12-02T09:00:00Z"), "new")
                .withMonitorSummary(summary);

        String id = store().addHistory(WORKLOAD, run).id();

        JsonNode written = storedRuns().get(4).get("monitor_summary");
        assertThat(written.get("interval_millis").asLong()).isEqualTo(500);
        assertThat(written.has("sched_stat")).as("an absent figure is left out").isFalse();
        assertThat(store().history(WORKLOAD).get(4).id()).isEqualTo(id);
        assertThat(store().history(WORKLOAD).get(4).run().monitorSummary()).contains(summary);
    }
}
