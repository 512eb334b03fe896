package io.schedcp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.daemon.api.TestDaemon.Answer;
import io.schedcp.slo.control.GroupChange;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SloEndpointsTest {

    @TempDir
    Path temp;

    private TestDaemon host;
    private final FakeSloControl slo = FakeSloControl.running(FakeSloControl.sampleStatus());

    private TestDaemon with(FakeSloControl control) {
        host = TestDaemon.start(
                temp, control, FakePolicyControl.notRunning(temp.resolve("userspace.sock")), new ScriptedBench());
        return host;
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void theGroupsAreTheRunningScxSlosFigures() {
        Answer groups = with(slo).call("GET", "/api/v1/slo/groups");

        assertThat(groups.status()).isEqualTo(200);
        JsonNode status = groups.json();
        assertThat(status.path("cpus").asInt()).isEqualTo(4);
        assertThat(status.path("groups").size()).isEqualTo(2);
        JsonNode lat = status.path("groups").get(0);
        assertThat(lat.path("cgroup").asString()).isEqualTo("lat");
        assertThat(lat.path("runs").asLong()).isEqualTo(1200);
        assertThat(lat.path("misses").asLong()).isEqualTo(3);
        assertThat(lat.path("wake_to_run").path("p99_ns").asLong()).isEqualTo(1_800_000);
        assertThat(status.path("unconfigured").path("runs").asLong()).isEqualTo(5000);
        assertThat(status.path("recent_misses").size()).isEqualTo(3);
    }

    @Test
    void aPutChangesTheGroupAndAnswersItAsApplied() {
        Answer applied = with(slo).call("PUT", "/api/v1/slo/groups/lat", "{\"budget_ms\": 2.5, \"importance\": 50}");

        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().path("cgroup").asString()).isEqualTo("lat");
        assertThat(applied.json().path("budget_ns").asLong()).isEqualTo(2_500_000);
        assertThat(applied.json().path("importance").asInt()).isEqualTo(50);
        assertThat(slo.changes)
                .containsExactly(
                        new GroupChange("lat", OptionalLong.of(2_500_000), OptionalInt.of(50), OptionalInt.empty()));
    }

    @Test
    void aPutThatChangesNothingIsRefused() {
        Answer refused = with(slo).call("PUT", "/api/v1/slo/groups/lat", "{}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message())
                .contains("budget_ms")
                .contains("importance")
                .contains("max_cpu_pct");
        assertThat(slo.changes).isEmpty();
    }

    @Test
    void valuesOutOfRangeAreRefusedWithTheirRange() {
        with(slo);

        Answer budget = host.call("PUT", "/api/v1/slo/groups/lat", "{\"budget_ms\": 0.001}");
        Answer importance = host.call("PUT", "/api/v1/slo/groups/lat", "{\"importance\": 101}");
        Answer cap = host.call("PUT", "/api/v1/slo/groups/lat", "{\"max_cpu_pct\": 0}");
        Answer word = host.call("PUT", "/api/v1/slo/groups/lat", "{\"budget_ms\": \"soon\"}");

        assertThat(budget.status()).isEqualTo(400);
        assertThat(budget.message()).contains("budget_ms is 0.001").contains("0.01 to 10000 ms");
        assertThat(importance.status()).isEqualTo(400);
        assertThat(importance.message()).contains("importance is 101").contains("0 to 100");
        assertThat(cap.status()).isEqualTo(400);
        assertThat(cap.message()).contains("max_cpu_pct is 0");
        assertThat(word.status()).isEqualTo(400);
        assertThat(slo.changes).isEmpty();
    }

    @Test
    void withoutScxSloBothAreUnavailable() {
        with(FakeSloControl.notRunning());

        Answer get = host.call("GET", "/api/v1/slo/groups");
        Answer put = host.call("PUT", "/api/v1/slo/groups/lat", "{\"budget_ms\": 2}");

        assertThat(get.status()).isEqualTo(503);
        assertThat(get.kind()).isEqualTo("UNAVAILABLE");
        assertThat(get.message()).contains("scx_slo is not running");
        assertThat(put.status()).isEqualTo(503);
    }

    @Test
    void aPutNeedsTheFullToken() {
        Answer refused = with(slo).readOnly("PUT", "/api/v1/slo/groups/lat", "{\"budget_ms\": 2}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(slo.changes).isEmpty();
    }
}
