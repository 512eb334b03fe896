package io.schedcp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.daemon.api.TestDaemon.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class RecommendEndpointTest {

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
    void aDescribedWorkloadGetsTheSchedulersRankedWithReasons() {
        Answer ranked = host.call("GET", "/api/v1/recommend?description=latency-sensitive%20web%20server");

        assertThat(ranked.status()).isEqualTo(200);
        JsonNode list = ranked.json().path("recommendations");
        assertThat(list.size()).isEqualTo(host.manager.list().size());
        assertThat(list.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(list.get(0).path("reason").asString()).isNotBlank();
        assertThat(list.findValuesAsString("scheduler"))
                .anySatisfy(s -> assertThat(s).contains("fake_a"));
    }

    @Test
    void aStoredWorkloadIsRankedByItsId() {
        String id = host.call("POST", "/api/v1/workloads", "{\"description\": \"batch compile jobs\"}")
                .json()
                .path("id")
                .asString();

        Answer ranked = host.call("GET", "/api/v1/recommend?workload=" + id + "&limit=1");

        assertThat(ranked.status()).isEqualTo(200);
        assertThat(ranked.json().path("recommendations").size()).isEqualTo(1);
    }

    @Test
    void neitherOrBothInputsAreRefused() {
        Answer neither = host.call("GET", "/api/v1/recommend");
        Answer both = host.call("GET", "/api/v1/recommend?workload=w-1&description=web");

        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.message()).contains("?workload=ID").contains("?description=TEXT");
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void anUnknownWorkloadIsNotFound() {
        Answer missing = host.call("GET", "/api/v1/recommend?workload=w-00000000");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).contains("w-00000000");
    }

    @Test
    void aLimitOutOfRangeIsRefusedWithTheRange() {
        Answer zero = host.call("GET", "/api/v1/recommend?description=web&limit=0");
        Answer word = host.call("GET", "/api/v1/recommend?description=web&limit=many");

        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.message()).contains("from 1 to " + RecommendEndpoint.MAX_LIMIT);
        assertThat(word.status()).isEqualTo(400);
    }
}
