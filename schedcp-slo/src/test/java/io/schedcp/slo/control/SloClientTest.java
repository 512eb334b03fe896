package io.schedcp.slo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SloClientTest {

    @TempDir
    Path home;

    @Test
    void withoutASocketScxSloIsUnavailableWithHowToStartIt() {
        Path socket = SloSocket.in(home);

        assertThatThrownBy(() -> SloClient.at(socket).status())
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessage("scx_slo is not running: no agent listens on " + socket
                        + "; start it with `schedcp run scx_slo -- --config FILE`");
    }

    @Test
    void aSocketFileNobodyListensOnIsUnavailableToo() throws IOException {
        Path socket = SloSocket.in(home);
        try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            killed.bind(UnixDomainSocketAddress.of(socket));
        }

        assertThatThrownBy(() -> SloClient.at(socket).status())
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageStartingWith("scx_slo is not running: no agent listens on " + socket);
    }

    @Test
    void anAgentThatDoesNotAnswerIsAnIoFailureAfterTheTimeout() throws IOException {
        Path socket = SloSocket.in(home);
        // Bound and never accepting: the connection waits in the backlog and no answer comes.
        try (ServerSocketChannel hung = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(UnixDomainSocketAddress.of(socket));

            long start = System.nanoTime();
            assertThatThrownBy(
                            () -> SloClient.at(socket, Duration.ofMillis(300)).status())
                    .isInstanceOfSatisfying(
                            SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                    .hasMessage("scx_slo's agent at " + socket + " did not answer within 0.3 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void anErrorAnswerIsRaisedWithItsKindAndMessage() {
        Path socket = SloSocket.in(home);
        FakeSloControl control = new FakeSloControl();
        control.failWith(new SchedcpException(Kind.UNAVAILABLE, "scx_slo was ejected by the kernel"));

        try (SloStatsServer server = SloStatsServer.start(control, socket)) {
            assertThatThrownBy(() -> SloClient.at(server.socket()).status())
                    .isInstanceOfSatisfying(
                            SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                    .hasMessage("scx_slo was ejected by the kernel");
        }
        assertThat(Files.exists(socket)).isFalse();
    }

    @Test
    void theDefaultTimeoutIsFiveSeconds() {
        assertThat(SloClient.TIMEOUT).isEqualTo(Duration.ofSeconds(5));
    }
}
