package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import io.schedcp.userspace.control.PolicySocket;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.StrategyJson;
import io.schedcp.userspace.strategy.TaskMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedcp policy ...} in-process, against a fake running scx_userspace. */
class PolicyCommandTest {

    private static final Strategy WEB = new Strategy("web", TaskMatch.ByComm.of("^nginx"), true, OptionalLong.empty());

    @TempDir
    Path temp;

    private CliFixture fixture;
    private FakePolicyControl running;
    /** The sockets the CLI reached scx_userspace at. */
    private final List<Path> sockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
        running(FakePolicyControl.running("strategies"));
    }

    private void running(FakePolicyControl control) {
        running = control;
        fixture.policy = socket -> {
            sockets.add(socket);
            return control;
        };
    }

    private Result run(String... args) {
        return fixture.run(args);
    }

    @Test
    void statusShowsThePolicyTheCountersTheRoundTripInMicrosecondsAndTheLoop() {
        Result result = run("policy", "status");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("policy: strategies")
                .contains("queued=101 user_dispatched=102 fallback=103")
                .contains("ring_full=109")
                .contains("p50 12 us, p99 99.5 us, p99.9 250 us")
                .contains("loop: read=201 dispatched=202 kept=203 ring_full=204 malformed=205");
        assertThat(sockets).containsExactly(PolicySocket.in(fixture.home));
    }

    @Test
    void statusJsonIsTheStatusInSnakeCase() {
        Result result = run("policy", "status", "--json");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"rtt_p99_ns\" : 99500").contains("\"tasks_read\" : 201");
    }

    @Test
    void setPutsTheStrategyItsOptionsDescribe() {
        Result result = run("policy", "set", "web", "--comm", "^nginx", "--priority", "--socket", "/run/u.sock");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(running.book.list()).containsExactly(WEB);
        assertThat(result.out()).contains("strategy web set (comm ^nginx, priority); the book is at generation 1");
        assertThat(sockets).containsExactly(Path.of("/run/u.sock"));
    }

    @Test
    void setWithTwoMatchesIsAUsageErrorAndChangesNothing() {
        Result result = run("policy", "set", "web", "--comm", "x", "--pid", "4", "--priority");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(running.book.list()).isEmpty();
    }

    @Test
    void setOfASliceOutOfRangeIsRefusedBeforeAnythingIsAsked() {
        Result result = run("policy", "set", "web", "--pid", "4", "--slice-us", "5");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("the strategy web is not valid").doesNotContain("Exception");
        assertThat(sockets).isEmpty();
    }

    @Test
    void setUnderAnotherPolicyExitsTwoWithTheAgentsReason() {
        running(FakePolicyControl.running("fair"));

        Result result = run("policy", "set", "web", "--pid", "4", "--priority");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("scx_userspace runs the policy fair");
    }

    @Test
    void listShowsTheStrategiesAndJsonIsWhatAStrategiesFileHolds() {
        running.book.put(WEB);

        Result table = run("policy", "list");
        Result json = run("policy", "list", "--json");

        assertThat(table.out()).contains("web").contains("comm ^nginx").contains("yes");
        assertThat(StrategyJson.readList(json.out())).containsExactly(WEB);
    }

    @Test
    void removeOfAnUnknownIdExitsThreeNamingTheListCommand() {
        running.book.put(WEB);

        Result removed = run("policy", "remove", "web");
        Result again = run("policy", "remove", "web");

        assertThat(removed.code()).as(removed.err()).isZero();
        assertThat(running.book.list()).isEmpty();
        assertThat(again.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(again.err()).contains("no strategy web").contains("schedcp policy list");
    }

    @Test
    void withoutARunningAgentItExitsFourSayingHowToStartOne() {
        Path socket = PolicySocket.in(fixture.home);
        running(FakePolicyControl.notRunning(socket));

        Result result = run("policy", "status");

        assertThat(result.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err())
                .contains("scx_userspace is not running: no agent listens on " + socket
                        + "; start it with 'schedcp run scx_userspace")
                .doesNotContain("Exception");
    }

    @Test
    void listPoliciesNamesTheBuiltInPoliciesWithoutARunningAgent() {
        running(FakePolicyControl.notRunning(PolicySocket.in(fixture.home)));

        Result result = run("policy", "list-policies");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("fair").contains("fifo").contains("strategies");
    }

    @Test
    void listPoliciesLooksInTheHomePluginsAndThePluginPathAndNamesABrokenJarOfEach() throws Exception {
        running(FakePolicyControl.notRunning(PolicySocket.in(fixture.home)));
        Path mine = Files.writeString(
                Files.createDirectories(fixture.home.resolve("plugins")).resolve("mine.jar"), "not a zip");
        Path shared = Files.createDirectories(temp.resolve("shared-plugins"));
        Path theirs = Files.writeString(shared.resolve("theirs.jar"), "not a zip");
        Map<String, String> env = new HashMap<>(fixture.environment());
        env.put("SCHEDCP_PLUGIN_PATH", shared.toString());

        Result result = fixture.run(env, "policy", "list-policies");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("fair").contains("fifo").contains("strategies");
        assertThat(result.err())
                .contains("schedcp: plugin " + mine + " was skipped: " + mine + " is not a readable jar")
                .contains("schedcp: plugin " + theirs + " was skipped: " + theirs + " is not a readable jar");
    }
}
