package io.schedcp.userspace.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.StrategyBook;
import io.schedcp.userspace.strategy.TaskMatch;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyClientTest {

    private static final Strategy WEB = new Strategy("web", TaskMatch.ByComm.of("^nginx"), true, OptionalLong.empty());
    private static final Strategy BUILD =
            new Strategy("build", TaskMatch.ByCgroup.of("/build"), false, OptionalLong.of(20_000_000));

    @TempDir
    Path home;

    private final StrategyBook book = new StrategyBook(List.of(WEB));

    @Test
    void theClientReadsTheStatusTheAgentServes() {
        try (PolicyServer server = start("strategies")) {
            assertThat(PolicyClient.at(server.socket()).status()).isEqualTo(Statuses.STATUS);
        }
    }

    @Test
    void aPutThroughTheSocketChangesTheAgentsBookAndIsListedBack() {
        try (PolicyServer server = start("strategies")) {
            PolicyClient client = PolicyClient.at(server.socket());

            long generation = client.put(BUILD);

            assertThat(generation).isEqualTo(book.generation());
            assertThat(book.list()).containsExactly(WEB, BUILD);
            assertThat(client.strategies()).containsExactly(WEB, BUILD);
            assertThat(client.remove("web")).isTrue();
            assertThat(client.strategies()).containsExactly(BUILD);
        }
    }

    @Test
    void aPutRefusedByTheAgentIsRaisedAsInvalidInput() {
        try (PolicyServer server = start("fifo")) {
            assertThatThrownBy(() -> PolicyClient.at(server.socket()).put(BUILD))
                    .isInstanceOfSatisfying(
                            SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                    .hasMessageContaining("runs the policy fifo");
        }
    }

    @Test
    void withoutAnAgentTheClientIsUnavailableNamingTheSocket() {
        Path socket = PolicySocket.in(home);

        assertThatThrownBy(() -> PolicyClient.at(socket).strategies())
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessage("scx_userspace is not running: no agent listens on " + socket);
    }

    private PolicyServer start(String policy) {
        return PolicyServer.start(new BookControl(policy, book, () -> Statuses.STATUS), PolicySocket.in(home));
    }
}
