package io.schedcp.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ControlServerTest {

    @TempDir
    Path home;

    /** Echoes a request's args back, and refuses "fail" with the message given. */
    private static final ControlHandler ECHO = request -> switch (request.req()) {
        case "echo" -> ControlResponse.ok(request.args());
        case "fail" ->
            ControlResponse.failure(Kind.INVALID_INPUT, request.args().getOrDefault("why", "no"));
        default -> throw new IllegalStateException("a bug in the handler");
    };

    private ControlClient client(Path socket) {
        return new ControlClient(socket, "scx_test", "", Duration.ofSeconds(2));
    }

    @Test
    void aRequestMakesTheRoundTripThroughARealSocket() {
        Path socket = home.resolve("test.sock");
        try (ControlServer server = ControlServer.start(socket, ECHO, "scx_test")) {
            JsonNode resp = client(server.socket()).ask(new ControlRequest("echo", Map.of("a", "1")));

            assertThat(resp.get("a").asString()).isEqualTo("1");
        }
    }

    @Test
    void anErrorAnswerIsRaisedWithItsKindAndMessage() {
        Path socket = home.resolve("test.sock");
        try (ControlServer server = ControlServer.start(socket, ECHO, "scx_test")) {
            assertThatThrownBy(() -> client(server.socket()).ask(new ControlRequest("fail", Map.of("why", "bad arg"))))
                    .isInstanceOfSatisfying(
                            SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                    .hasMessage("bad arg");
        }
    }

    @Test
    void aHandlerThatThrowsIsAnsweredAsAnIoFailureAndTheServerGoesOn() {
        Path socket = home.resolve("test.sock");
        try (ControlServer server = ControlServer.start(socket, ECHO, "scx_test")) {
            assertThatThrownBy(() -> client(server.socket()).ask(new ControlRequest("boom", Map.of())))
                    .isInstanceOfSatisfying(
                            SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                    .hasMessageContaining("scx_test's agent failed to answer");
            assertThat(client(socket)
                            .ask(new ControlRequest("echo", Map.of("b", "2")))
                            .get("b")
                            .asString())
                    .isEqualTo("2");
        }
    }

    @Test
    void theSocketIsItsOwnersAloneAndRemovedOnClose() throws IOException {
        Path socket = home.resolve("test.sock");
        ControlServer server = ControlServer.start(socket, ECHO, "scx_test");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                .isEqualTo("rw-------");
        server.close();
        assertThat(socket).doesNotExist();
    }

    @Test
    void aSecondServerOnALiveSocketIsRefusedNamingTheAgent() {
        Path socket = home.resolve("test.sock");
        try (ControlServer server = ControlServer.start(socket, ECHO, "scx_test")) {
            assertThatThrownBy(() -> ControlServer.start(server.socket(), ECHO, "scx_test"))
                    .isInstanceOfSatisfying(
                            SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.START_FAILED))
                    .hasMessage("another scx_test agent listens on " + socket + "; stop it first");
        }
    }

    @Test
    void withoutAServerTheClientStatesTheFactAndTheAdviceItWasGiven() {
        Path socket = home.resolve("none.sock");

        assertThatThrownBy(() -> client(socket).ask(new ControlRequest("echo", Map.of())))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessage("scx_test is not running: no agent listens on " + socket);
        assertThatThrownBy(() -> new ControlClient(socket, "scx_test", "; start it", Duration.ofSeconds(1))
                        .ask(new ControlRequest("echo", Map.of())))
                .hasMessageEndingWith(socket + "; start it");
    }
}
