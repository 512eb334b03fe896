package io.schedcp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.daemon.api.TestDaemon.Answer;
import io.schedcp.userspace.strategy.Strategy;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class StrategyEndpointsTest {

    private static final String PATH = "/api/v1/scheduling/strategies";
    private static final String WEB = "{\"id\": \"web\", \"match\": {\"comm\": \"^nginx\"}, \"priority\": true}";

    @TempDir
    Path temp;

    private TestDaemon host;
    private final FakePolicyControl policy = FakePolicyControl.running("strategies");

    private TestDaemon with(FakePolicyControl control) {
        host = TestDaemon.start(temp, FakeSloControl.notRunning(), control, new ScriptedBench());
        return host;
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void anAddedStrategyIsListedAsTheStrategyFilesWriteIt() {
        with(policy);
        assertThat(host.call("GET", PATH).json().path("strategies").isEmpty()).isTrue();

        Answer added = host.call("POST", PATH, WEB);

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("generation").asLong()).isPositive();
        assertThat(added.json().path("strategy").path("match").path("comm").asString())
                .isEqualTo("^nginx");
        JsonNode listed = host.call("GET", PATH).json().path("strategies");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("id").asString()).isEqualTo("web");
        assertThat(listed.get(0).path("priority").asBoolean()).isTrue();
        assertThat(policy.book.list()).extracting(Strategy::id).containsExactly("web");
    }

    @Test
    void aSecondPostOfAnIdIsAConflictThatNamesPut() {
        with(policy).call("POST", PATH, WEB);

        Answer again = host.call("POST", PATH, WEB);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.kind()).isEqualTo("CONFLICT");
        assertThat(again.message()).contains("PUT " + PATH + "/web");
    }

    @Test
    void aPutReplacesTheStrategyWhereItStandsAndMayLeaveTheIdOut() {
        with(policy).call("POST", PATH, WEB);
        host.call("POST", PATH, "{\"id\": \"db\", \"match\": {\"pid\": 42}, \"slice_us\": 5000}");

        Answer replaced = host.call("PUT", PATH + "/web", "{\"match\": {\"cgroup\": \"/web\"}, \"slice_us\": 2000}");

        assertThat(replaced.status()).isEqualTo(200);
        JsonNode listed = host.call("GET", PATH).json().path("strategies");
        assertThat(listed.get(0).path("id").asString()).isEqualTo("web");
        assertThat(listed.get(0).path("match").path("cgroup").asString()).isEqualTo("web");
        assertThat(listed.get(0).path("slice_us").asLong()).isEqualTo(2000);
        assertThat(listed.get(1).path("id").asString()).isEqualTo("db");
    }

    @Test
    void aPutWhoseBodyNamesAnotherIdIsRefused() {
        Answer refused = with(policy).call("PUT", PATH + "/web", WEB.replace("\"web\"", "\"api\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("\"api\"").contains("web");
        assertThat(policy.book.list()).isEmpty();
    }

    @Test
    void aStrategyThatIsNotValidIsRefusedNamingTheField() {
        with(policy);

        Answer noMatch = host.call("POST", PATH, "{\"id\": \"web\", \"priority\": true}");
        Answer unknownKey = host.call("POST", PATH, WEB.replace("\"priority\"", "\"prio\""));
        Answer nothing = host.call("POST", PATH, "{\"id\": \"web\", \"match\": {\"pid\": 1}}");
        Answer notJson = host.call("POST", PATH, "{");

        assertThat(noMatch.status()).isEqualTo(400);
        assertThat(noMatch.message()).contains("match");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownKey.message()).contains("prio");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.message()).contains("changes nothing");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(policy.book.list()).isEmpty();
    }

    @Test
    void aDeleteRemovesAndAnUnknownIdIsNotFound() {
        with(policy).call("POST", PATH, WEB);

        Answer removed = host.call("DELETE", PATH + "/web");
        Answer again = host.call("DELETE", PATH + "/web");

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().path("removed").asString()).isEqualTo("web");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.message()).contains("no strategy web");
        assertThat(policy.book.list()).isEmpty();
    }

    @Test
    void anotherPolicyRefusesChanges() {
        Answer refused = with(FakePolicyControl.running("fair")).call("POST", PATH, WEB);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).contains("fair");
    }

    @Test
    void withoutScxUserspaceEveryOneIsUnavailableAndSaysHowToStartIt() {
        with(FakePolicyControl.notRunning(temp.resolve("userspace.sock")));

        Answer list = host.call("GET", PATH);

        assertThat(list.status()).isEqualTo(503);
        assertThat(list.kind()).isEqualTo("UNAVAILABLE");
        assertThat(list.message()).contains("scx_userspace is not running").contains("POST /api/v1/execution");
        assertThat(host.call("POST", PATH, WEB).status()).isEqualTo(503);
        assertThat(host.call("PUT", PATH + "/web", WEB).status()).isEqualTo(503);
        assertThat(host.call("DELETE", PATH + "/web").status()).isEqualTo(503);
    }
}
