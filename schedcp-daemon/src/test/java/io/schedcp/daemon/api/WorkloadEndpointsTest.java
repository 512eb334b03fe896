package io.schedcp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.daemon.api.TestDaemon.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class WorkloadEndpointsTest {

    @TempDir
    Path temp;

    private TestDaemon host;

    @BeforeEach
    void start() {
        host = TestDaemon.plain(temp);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void aCreatedWorkloadIsTaggedListedAndFoundByItsId() {
        Answer created = host.call(
                "POST", "/api/v1/workloads", "{\"description\": \"latency-sensitive web server\", \"name\": \"web\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode workload = created.json();
        String id = workload.path("id").asString();
        assertThat(id).matches("w-[0-9a-f]{8}");
        assertThat(workload.path("name").asString()).isEqualTo("web");
        assertThat(workload.path("tags").isArray()).isTrue();
        assertThat(workload.path("tags").size()).isPositive();

        JsonNode listed = host.call("GET", "/api/v1/workloads").json();
        assertThat(listed.path("workloads").size()).isEqualTo(1);
        assertThat(listed.path("workloads").get(0).path("id").asString()).isEqualTo(id);
        assertThat(listed.path("problems").isEmpty()).isTrue();

        Answer one = host.call("GET", "/api/v1/workloads/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("description").asString()).isEqualTo("latency-sensitive web server");
    }

    @Test
    void theListIsEmptyBeforeAnyWorkload() {
        Answer listed = host.call("GET", "/api/v1/workloads");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("workloads").isEmpty()).isTrue();
    }

    @Test
    void aCreateWithoutADescriptionIsRefusedWithWhatToSay() {
        Answer refused = host.call("POST", "/api/v1/workloads", "{\"name\": \"web\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.kind()).isEqualTo("INVALID_INPUT");
        assertThat(refused.message()).contains("\"description\"");
    }

    @Test
    void aCreateWhoseBodyIsNotJsonIsRefused() {
        Answer refused = host.call("POST", "/api/v1/workloads", "{description: web");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("is not a JSON object");
    }

    @Test
    void anUnknownWorkloadIsNotFoundAndTheKnownOnesAreNamed() {
        String id = host.call("POST", "/api/v1/workloads", "{\"description\": \"kernel build\"}")
                .json()
                .path("id")
                .asString();

        Answer missing = host.call("GET", "/api/v1/workloads/w-00000000");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.kind()).isEqualTo("NOT_FOUND");
        assertThat(missing.message()).contains("w-00000000").contains(id);
        assertThat(host.call("GET", "/api/v1/workloads/w-00000000/history").status())
                .isEqualTo(404);
    }

    @Test
    void theHistoryHoldsTheRunsRecordedOldestFirst() {
        String id = host.call("POST", "/api/v1/workloads", "{\"description\": \"kernel build\"}")
                .json()
                .path("id")
                .asString();
        assertThat(host.call("GET", "/api/v1/workloads/" + id + "/history")
                        .json()
                        .path("history")
                        .isEmpty())
                .isTrue();

        Answer first = host.call(
                "POST",
                "/api/v1/workloads/" + id + "/history",
                "{\"scheduler\": \"scx_bpfland\", \"result\": \"faster\", \"metrics\": {\"wall_time_s\": 81.2}}");
        Answer second = host.call(
                "POST",
                "/api/v1/workloads/" + id + "/history",
                "{\"scheduler\": \"scx_lavd\", \"result\": \"\", \"failed\": \"ejected after 3 s\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("id").asString()).matches("h-[0-9a-f]{8}");
        assertThat(second.status()).isEqualTo(201);
        JsonNode history =
                host.call("GET", "/api/v1/workloads/" + id + "/history").json();
        assertThat(history.path("workload_id").asString()).isEqualTo(id);
        assertThat(history.path("history").size()).isEqualTo(2);
        JsonNode run = history.path("history").get(0);
        assertThat(run.path("scheduler").asString()).isEqualTo("scx_bpfland");
        assertThat(run.path("metrics").path("wall_time_s").asDouble()).isEqualTo(81.2);
        assertThat(run.path("outcome").path("status").asString()).isEqualTo("ok");
        JsonNode failed = history.path("history").get(1).path("outcome");
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(failed.path("reason").asString()).isEqualTo("ejected after 3 s");
    }

    @Test
    void aRunWithoutItsSchedulerIsRefused() {
        String id = host.call("POST", "/api/v1/workloads", "{\"description\": \"kernel build\"}")
                .json()
                .path("id")
                .asString();

        Answer refused = host.call("POST", "/api/v1/workloads/" + id + "/history", "{\"result\": \"fast\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("scheduler");
    }

    @Test
    void theReadOnlyTokenMayListButNotCreate() {
        assertThat(host.readOnly("GET", "/api/v1/workloads", null).status()).isEqualTo(200);

        Answer refused = host.readOnly("POST", "/api/v1/workloads", "{\"description\": \"kernel build\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(host.call("GET", "/api/v1/workloads")
                        .json()
                        .path("workloads")
                        .isEmpty())
                .isTrue();
    }
}
