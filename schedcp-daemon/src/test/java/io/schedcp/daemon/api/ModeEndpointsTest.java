package io.schedcp.daemon.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.daemon.Daemon;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.mode.Mode;
import io.schedcp.daemon.mode.ModesFakeHost;
import io.schedcp.daemon.supervise.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The modes' endpoints, over a daemon on its Unix socket with the fake provider's schedulers. */
class ModeEndpointsTest {

    @TempDir
    Path temp;

    private ModesFakeHost host;
    private Daemon daemon;
    private String token;
    private String readOnly;

    @BeforeEach
    void start() {
        host = new ModesFakeHost(temp);
        daemon = Daemon.start(
                host.manager, DaemonSettings.defaults(host.home).withModes(ModesFakeHost.FAKE_TABLE), "test");
        token = Tokens.read(host.home.resolve(Tokens.FULL_FILE));
        readOnly = Tokens.read(host.home.resolve(Tokens.READ_ONLY_FILE));
    }

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
        host.close();
    }

    @Test
    void listsEveryModeWithItsSchedulerItsAvailabilityAndNoneActive() throws Exception {
        UnixHttp.Answer answer = UnixHttp.send(daemon.socket(), "GET", "/api/v1/modes", readOnly, "");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode listing = SchedcpJson.mapper().readTree(answer.body());
        assertThat(listing.path("active").isNull() || listing.path("active").isMissingNode())
                .isTrue();
        List<String> names = new ArrayList<>();
        listing.path("modes").forEach(m -> names.add(m.path("mode").asString()));
        assertThat(names).containsExactly("auto", "gaming", "lowlatency", "powersave", "server");
        JsonNode server = listing.path("modes").get(4);
        assertThat(server.path("scheduler").asString()).isEqualTo("fake_missing");
        assertThat(server.path("available").asBoolean()).isFalse();
        assertThat(server.path("why_unavailable").asString()).contains("fake_missing is not installed");
        assertThat(server.path("source").asString()).isEqualTo("config");
        JsonNode powersave = listing.path("modes").get(3);
        assertThat(powersave.path("scheduler").asString()).isEqualTo("scx_lavd");
        assertThat(powersave.path("args").get(0).asString()).isEqualTo("--powersave");
        assertThat(powersave.path("source").asString()).isEqualTo("built-in");
        assertThat(listing.path("modes").get(0).path("reason").asString()).contains("so auto runs fake_a");
    }

    @Test
    void postingAModeRunsItsSchedulerAndTheListingShowsItActive() throws Exception {
        UnixHttp.Answer answer =
                UnixHttp.send(daemon.socket(), "POST", "/api/v1/mode", token, "{\"mode\": \"gaming\"}");

        assertThat(answer.status()).isEqualTo(202);
        JsonNode taken = SchedcpJson.mapper().readTree(answer.body());
        assertThat(taken.path("mode").asString()).isEqualTo("gaming");
        assertThat(taken.path("scheduler").asString()).isEqualTo("fake_a");
        assertThat(taken.path("request").asLong()).isPositive();
        awaitRunning();
        JsonNode listing = SchedcpJson.mapper()
                .readTree(UnixHttp.send(daemon.socket(), "GET", "/api/v1/modes", token, "")
                        .body());
        assertThat(listing.path("active").asString()).isEqualTo("gaming");
        assertThat(listing.path("modes").get(1).path("active").asBoolean()).isTrue();
        assertThat(listing.path("modes").get(2).path("active").asBoolean()).isFalse();
    }

    @Test
    void aModeThatCannotRunHereIsRefusedWith503AndTheReason() throws Exception {
        UnixHttp.Answer answer =
                UnixHttp.send(daemon.socket(), "POST", "/api/v1/mode", token, "{\"mode\": \"server\"}");

        assertThat(answer.status()).isEqualTo(503);
        JsonNode error = SchedcpJson.mapper().readTree(answer.body()).path("error");
        assertThat(error.path("kind").asString()).isEqualTo("UNAVAILABLE");
        assertThat(error.path("message").asString())
                .startsWith("mode server runs fake_missing, which cannot run here: fake_missing is not installed");
        assertThat(daemon.supervisor().status().phase()).isEqualTo(Phase.IDLE);
    }

    @Test
    void anUnknownOrMissingModeIs400() throws Exception {
        UnixHttp.Answer unknown =
                UnixHttp.send(daemon.socket(), "POST", "/api/v1/mode", token, "{\"mode\": \"turbo\"}");
        UnixHttp.Answer missing = UnixHttp.send(daemon.socket(), "POST", "/api/v1/mode", token, "{}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no mode is named turbo; the modes are auto, gaming");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("the body has no \\\"mode\\\"");
    }

    @Test
    void theReadOnlyTokenMayListTheModesButNotRunOne() throws Exception {
        UnixHttp.Answer answer =
                UnixHttp.send(daemon.socket(), "POST", "/api/v1/mode", readOnly, "{\"mode\": \"gaming\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(daemon.supervisor().lastRequest()).isZero();
    }

    @Test
    void theOpenApiDocumentListsBothEndpoints() throws Exception {
        JsonNode doc = SchedcpJson.mapper()
                .readTree(UnixHttp.send(daemon.socket(), "GET", "/api/v1/openapi.json", token, "")
                        .body());

        assertThat(doc.path("paths").path("/api/v1/modes").has("get")).isTrue();
        assertThat(doc.path("paths")
                        .path("/api/v1/mode")
                        .path("post")
                        .path("x-schedcp-access")
                        .asString())
                .isEqualTo("write");
    }

    @Test
    void aDaemonRunsItsStartModeWhenItStarts() throws Exception {
        daemon.close();
        daemon = null;
        Files.deleteIfExists(host.home.resolve(DaemonSettings.SOCKET_FILE));
        daemon = Daemon.start(
                host.manager,
                DaemonSettings.defaults(host.home)
                        .withModes(ModesFakeHost.FAKE_TABLE)
                        .withStartMode(Optional.of(Mode.LOWLATENCY)),
                "test");

        awaitRunning();

        assertThat(daemon.supervisor().status().scheduler())
                .hasValueSatisfying(s -> assertThat(s).endsWith("fake_b"));
        assertThat(daemon.modes().active()).map(a -> a.choice().mode()).contains(Mode.LOWLATENCY);
    }

    @Test
    void aDaemonWhoseStartModeCannotRunHereDoesNotStart() {
        daemon.close();
        daemon = null;

        SchedcpException refused = catchThrowableOfType(
                SchedcpException.class,
                () -> Daemon.start(
                        host.manager,
                        DaemonSettings.defaults(host.home)
                                .withModes(ModesFakeHost.FAKE_TABLE)
                                .withStartMode(Optional.of(Mode.SERVER)),
                        "test"));

        assertThat(refused.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refused.getMessage()).contains("mode server runs fake_missing");
        assertThat(host.home.resolve(DaemonSettings.SOCKET_FILE)).doesNotExist();
    }

    private void awaitRunning() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (daemon.supervisor().status().phase() != Phase.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not running: " + daemon.supervisor().status());
            }
            Thread.sleep(20);
        }
    }
}
