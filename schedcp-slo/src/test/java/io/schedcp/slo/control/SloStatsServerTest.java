package io.schedcp.slo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.slo.config.ConfigOrigin;
import io.schedcp.slo.config.SloGroup;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SloStatsServerTest {

    @TempDir
    Path home;

    private Path socket;
    private final FakeSloControl control = new FakeSloControl();
    private final List<SloStatsServer> servers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        socket = SloSocket.in(home);
    }

    @AfterEach
    void closeServers() {
        servers.forEach(SloStatsServer::close);
    }

    @Test
    void theClientReadsAStatusEqualToTheControls() {
        start();

        assertThat(SloClient.at(socket).status()).isEqualTo(FakeSloControl.STATUS);
    }

    @Test
    void theClientsSetReachesTheControlAndReturnsTheGroup() {
        start();
        GroupChange change =
                new GroupChange("/lat", OptionalLong.of(2_000_000L), OptionalInt.empty(), OptionalInt.of(40));

        SloGroup group = SloClient.at(socket).set(change);

        assertThat(control.changes).containsExactly(change);
        assertThat(group)
                .isEqualTo(new SloGroup("/lat", 2_000_000L, 0, 40, Optional.of(new ConfigOrigin("slo.yaml", 4))));
    }

    @Test
    void theStatsLineOfScxStatsIsAnsweredInSnakeCase() throws IOException {
        start();

        try (RawConnection connection = new RawConnection(socket)) {
            JsonNode response = SchedcpJson.mapper().readTree(connection.ask("{\"req\":\"stats\",\"args\":{}}"));

            assertThat(response.get("errno").intValue()).isZero();
            JsonNode resp = response.at("/args/resp");
            assertThat(resp.propertyNames())
                    .containsExactlyInAnyOrder(
                            "taken_at", "interval_ns", "cpus", "unconfigured", "groups", "recent_misses");
            assertThat(resp.at("/groups/0").propertyNames())
                    .contains("cgroup_id", "budget_ns", "miss_ratio", "wake_to_run", "cpu_share", "dropped_events");
            assertThat(resp.at("/groups/0/wake_to_run").propertyNames()).containsExactly("p50_ns", "p99_ns", "p999_ns");
            assertThat(resp.at("/recent_misses/0/lateness_ns").longValue()).isEqualTo(3_000_000L);
        }
    }

    @Test
    void badArgsAreAnsweredWithEinvalAndTheClientRaisesInvalidInput() throws IOException {
        start();

        try (RawConnection connection = new RawConnection(socket)) {
            JsonNode response = SchedcpJson.mapper()
                    .readTree(
                            connection.ask("{\"req\":\"set\",\"args\":{\"cgroup\":\"/lat\",\"budget_ns\":\"soon\"}}"));

            assertThat(response.get("errno").intValue()).isEqualTo(22);
            assertThat(response.at("/args/resp/kind").asString()).isEqualTo("INVALID_INPUT");
            assertThat(response.at("/args/resp/message").asString()).contains("budget_ns is \"soon\"");
        }
        // What the client sends is valid by construction; the control refuses it, as for a cgroup that is not there.
        control.failWith(new SchedcpException(Kind.INVALID_INPUT, "cgroup /nope does not resolve; create it first"));
        GroupChange change =
                new GroupChange("/nope", OptionalLong.of(2_000_000L), OptionalInt.empty(), OptionalInt.empty());
        assertThatThrownBy(() -> SloClient.at(socket).set(change))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessage("cgroup /nope does not resolve; create it first");
    }

    @Test
    void anUnknownRequestIsAnsweredWithEnoent() throws IOException {
        start();

        try (RawConnection connection = new RawConnection(socket)) {
            JsonNode response = SchedcpJson.mapper().readTree(connection.ask("{\"req\":\"top\"}"));

            assertThat(response.get("errno").intValue()).isEqualTo(2);
            assertThat(response.at("/args/resp/kind").asString()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void aMalformedLineIsAnsweredAndTheConnectionServesTheNextOne() throws IOException {
        start();

        try (RawConnection connection = new RawConnection(socket)) {
            JsonNode malformed = SchedcpJson.mapper().readTree(connection.ask("{not json"));
            JsonNode meta = SchedcpJson.mapper().readTree(connection.ask("{\"req\":\"stats_meta\"}"));

            assertThat(malformed.get("errno").intValue()).isEqualTo(22);
            assertThat(meta.get("errno").intValue()).isZero();
            assertThat(meta.at("/args/resp/miss_event/fields/lateness_ns/desc").asString())
                    .isNotBlank();
        }
    }

    @Test
    void aLineLongerThan64KiBIsAnsweredAndItsConnectionClosed() throws IOException {
        start();

        try (RawConnection connection = new RawConnection(socket)) {
            connection.send("{\"req\":\"" + "x".repeat(SloStatsServer.MAX_REQUEST_BYTES) + "\"}\n");
            JsonNode response =
                    SchedcpJson.mapper().readTree(connection.receive().orElseThrow());

            assertThat(response.get("errno").intValue()).isEqualTo(22);
            assertThat(response.at("/args/resp/message").asString()).contains("longer than 65536 bytes");
            assertThat(connection.receive()).isEmpty();
        }
        assertThat(SloClient.at(socket).status()).isEqualTo(FakeSloControl.STATUS);
    }

    @Test
    void theSocketIsItsOwnersAlone() throws IOException {
        start();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
                .isEqualTo("rw-------");
    }

    @Test
    void aFileLeftAtThePathIsReplaced() throws IOException {
        Files.writeString(socket, "left behind");

        start();

        assertThat(SloClient.at(socket).status()).isEqualTo(FakeSloControl.STATUS);
    }

    @Test
    void theSocketOfAKilledAgentIsReplaced() throws IOException {
        // Closing a bound channel leaves its file, as a killed agent does.
        try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            killed.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        start();

        assertThat(SloClient.at(socket).status()).isEqualTo(FakeSloControl.STATUS);
    }

    @Test
    void aSecondAgentOnALiveSocketIsRefused() {
        start();

        assertThatThrownBy(() -> start())
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.START_FAILED))
                .hasMessage("another scx_slo agent listens on " + socket + "; stop it first");
        assertThat(SloClient.at(socket).status()).isEqualTo(FakeSloControl.STATUS);
    }

    @Test
    void closeRemovesTheSocketFileAndEndsTheConnections() throws IOException {
        SloStatsServer server = start();
        try (RawConnection connection = new RawConnection(socket)) {
            connection.ask("{\"req\":\"stats\"}");

            server.close();

            assertThat(socket).doesNotExist();
            assertThat(connection.receive()).isEmpty();
        }
    }

    private SloStatsServer start() {
        SloStatsServer server = SloStatsServer.start(control, socket);
        servers.add(server);
        return server;
    }
}
