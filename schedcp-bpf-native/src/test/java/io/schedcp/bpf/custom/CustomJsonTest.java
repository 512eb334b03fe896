package io.schedcp.bpf.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.bpf.custom.VerificationResult.ExitRecord;
import io.schedcp.bpf.custom.VerificationResult.WorkloadReport;
import io.schedcp.core.json.SchedcpJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The custom schedulers' metadata and the verifier's result line in schedcp's JSON form. */
class CustomJsonTest {

    private static <T> T roundTrip(T value, Class<T> type) {
        return SchedcpJson.mapper().readValue(SchedcpJson.line(value), type);
    }

    private static VerificationResult ejected() {
        return new VerificationResult(
                "tiny",
                "tiny",
                false,
                "lab",
                "7.3.4",
                10,
                4.5,
                "run",
                "the kernel ejected it: runnable task stall",
                List.of("kworker/3:1[88] failed to run for 30.1s"),
                new ExitRecord(1026, "SCX_EXIT_ERROR_STALL", "runnable task stall", "kworker/3:1[88] failed to run", 0),
                new WorkloadReport(8, false, 1200, 30_100.5, 9, 8),
                41,
                9,
                "2026-11-20T10:01:00Z");
    }

    @Test
    void aVerificationResultSurvivesARoundTrip() {
        assertThat(roundTrip(ejected(), VerificationResult.class)).isEqualTo(ejected());
    }

    @Test
    void aVerificationResultWithoutExitOrWorkloadSurvivesARoundTrip() {
        VerificationResult failed = VerificationResult.failed(
                "tiny", "tiny", "host", 10, "compile", "clang failed", List.of("tiny.bpf.c:3:1: error: expected ';'"));

        VerificationResult read = roundTrip(failed, VerificationResult.class);

        assertThat(read).isEqualTo(failed);
        assertThat(read.exit()).isNull();
        assertThat(read.workload()).isNull();
    }

    @Test
    void aVerificationResultIsWrittenInSnakeCase() {
        String json = SchedcpJson.line(ejected());

        assertThat(json)
                .contains(
                        "\"ops_name\":\"tiny\"",
                        "\"seconds_ran\":4.5",
                        "\"seconds_requested\":10",
                        "\"kind_name\":\"SCX_EXIT_ERROR_STALL\"",
                        "\"exit_code\":0",
                        "\"max_gap_ms\":30100.5",
                        "\"processes_finished\":8",
                        "\"load_millis\":41",
                        "\"enable_millis\":9");
        assertThat(json).doesNotContain("opsName", "secondsRan", "maxGapMs");
    }

    @Test
    void metadataWithItsVerificationSurvivesARoundTrip() {
        CustomMeta meta = TinyScheduler.meta("tiny").withVerification(TinyScheduler.passed("tiny"));

        CustomMeta read = roundTrip(meta, CustomMeta.class);

        assertThat(read).isEqualTo(meta);
        assertThat(read.verified()).isTrue();
    }

    @Test
    void metadataBeforeItsFirstVerificationSurvivesARoundTrip() {
        CustomMeta read = roundTrip(TinyScheduler.meta("tiny"), CustomMeta.class);

        assertThat(read).isEqualTo(TinyScheduler.meta("tiny"));
        assertThat(read.verification()).isNull();
        assertThat(read.verified()).isFalse();
    }

    @Test
    void metadataIsWrittenInSnakeCase() {
        String json = SchedcpJson.line(TinyScheduler.meta("tiny"));

        assertThat(json)
                .contains(
                        "\"ops_name\":\"tiny\"",
                        "\"ops_map\":\"tiny_ops\"",
                        "\"compile_millis\":140",
                        "\"source_file\":",
                        "\"use_cases\":[\"tests\"]");
        assertThat(json)
                .as("a scheduler not yet verified has no verification to write")
                .doesNotContain("verification");
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingObjectsGetTheirDefaults() {
        String json = """
                {"schema": 1, "name": "tiny", "ops_name": "tiny", "ops_map": "tiny_ops", "compile_millis": 90,
                 "added_later": [1, 2]}
                """;

        CustomMeta read = SchedcpJson.mapper().readValue(json, CustomMeta.class);

        assertThat(read.name()).isEqualTo("tiny");
        assertThat(read.compileMillis()).isEqualTo(90);
        assertThat(read.fields()).isEqualTo(DescriptorFields.NONE);
        assertThat(read.verification()).isNull();
    }

    @Test
    void aVerificationResultWithoutItsTextsGetsTheDefaults() {
        String json = """
                {"name": "tiny", "passed": false, "seconds_requested": 10, "seconds_ran": 0,
                 "load_millis": 0, "enable_millis": 0}
                """;

        VerificationResult read = SchedcpJson.mapper().readValue(json, VerificationResult.class);

        assertThat(read.stage()).isEqualTo(VerificationResult.PASSED);
        assertThat(read.reason()).isEmpty();
        assertThat(read.details()).isEmpty();
        assertThat(read.passed()).isFalse();
    }
}
