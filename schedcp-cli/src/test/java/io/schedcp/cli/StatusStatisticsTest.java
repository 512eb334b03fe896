package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import io.schedcp.userspace.control.PolicySocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code schedcp status} while the kernel runs scx_userspace: its own statistics, from its agent's socket. */
class StatusStatisticsTest {

    @TempDir
    Path temp;

    private CliFixture fixture;
    /** The sockets the CLI reached scx_userspace at. */
    private final List<Path> sockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
        agent(FakePolicyControl.running("fair"));
    }

    private void agent(FakePolicyControl control) {
        fixture.policy = socket -> {
            sockets.add(socket);
            return control;
        };
    }

    @Test
    void statusWhileScxUserspaceRunsShowsItsPolicyCountersAndRoundTrip() throws Exception {
        fixture.kernelState("enabled", "userspace");

        Result result = fixture.run("status");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("sched_ext:   enabled")
                .contains("(userspace:scx_userspace)")
                .contains("scx_userspace:\n  policy: strategies\n")
                .contains("  bpf: queued=101 user_dispatched=102 fallback=103")
                .contains("stalls=108 ring_full=109")
                .contains("p50 12 us, p99 99.5 us, p99.9 250 us");
        assertThat(sockets).containsExactly(PolicySocket.in(fixture.home));
    }

    @Test
    void statusJsonCarriesTheStatisticsUnderUserspace() throws Exception {
        fixture.kernelState("enabled", "userspace");

        JsonNode status = JsonMapper.builder()
                .build()
                .readTree(fixture.run("status", "--json").out());

        assertThat(status.get("userspace")
                        .get("counters")
                        .get("user_dispatched")
                        .asLong())
                .isEqualTo(102);
        assertThat(status.get("userspace").get("rtt_p99_ns").asLong()).isEqualTo(99_500);
        assertThat(status.has("userspace_unavailable"))
                .as("written only when there is a reason")
                .isFalse();
    }

    @Test
    void anAgentThatDoesNotAnswerLeavesTheKernelStatusWithTheReason() throws Exception {
        fixture.kernelState("enabled", "userspace");
        agent(FakePolicyControl.notRunning(Path.of("/run/gone.sock")));

        Result text = fixture.run("status");
        JsonNode json = JsonMapper.builder()
                .build()
                .readTree(fixture.run("status", "--json").out());

        assertThat(text.code()).isZero();
        assertThat(text.out())
                .contains("sched_ext:   enabled")
                .contains("scx_userspace: no statistics (")
                .contains("no agent listens on /run/gone.sock");
        assertThat(json.has("userspace")).isFalse();
        assertThat(json.get("userspace_unavailable").asString()).contains("/run/gone.sock");
    }

    @Test
    void anotherSchedulerIsNotAskedForUserspaceStatistics() throws Exception {
        fixture.kernelState("enabled", "simple");

        Result result = fixture.run("status");

        assertThat(result.out()).doesNotContain("scx_userspace");
        assertThat(sockets).isEmpty();
    }
}
