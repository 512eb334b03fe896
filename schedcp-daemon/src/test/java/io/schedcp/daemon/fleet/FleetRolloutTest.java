package io.schedcp.daemon.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.daemon.supervise.Phase;
import io.schedcp.daemon.supervise.Poll;
import io.schedcp.daemon.supervise.SupervisorStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet test of issue 13 on one machine without sched_ext: three daemons on three loopback ports, each
 * with its own home, tokens and fake kernel, and {@code scripts/fleet-rollout.sh} rolling a scheduler change
 * across them with their bearer tokens, and back when one fails.
 */
class FleetRolloutTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private final List<FleetNode> nodes = new ArrayList<>();

    @AfterEach
    void tearDown() {
        nodes.forEach(FleetNode::close);
    }

    private FleetNode node(FleetNode started) {
        nodes.add(started);
        return started;
    }

    private Path fleetFile() throws IOException {
        String lines = nodes.stream().map(FleetNode::fleetLine).collect(Collectors.joining("\n", "", "\n"));
        return Files.writeString(temp.resolve("fleet.txt"), "# three daemons on loopback\n" + lines);
    }

    private static SupervisorStatus awaitRunning(FleetNode node, String qualifiedName) {
        return Poll.until(
                node::status,
                s -> s.settled() && s.phase() == Phase.RUNNING && s.scheduler().equals(Optional.of(qualifiedName)),
                WAIT,
                node.url() + " running " + qualifiedName);
    }

    @Test
    void aRolloutLeavesEveryDaemonRunningTheScheduler() throws Exception {
        FleetNode first = node(FleetNode.start(temp.resolve("node1")));
        FleetNode second = node(FleetNode.start(temp.resolve("node2")));
        FleetNode third = node(FleetNode.start(temp.resolve("node3")));

        RolloutScript.Outcome outcome =
                RolloutScript.run(temp, "--timeout", "15", fleetFile().toString(), "fake_a");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        for (FleetNode node : List.of(first, second, third)) {
            SupervisorStatus status = node.status();
            assertThat(status.phase()).as(node.url()).isEqualTo(Phase.RUNNING);
            assertThat(status.scheduler()).as(node.url()).contains("fake:fake_a");
            assertThat(status.args()).as(node.url()).isEmpty();
            assertThat(node.kernelState()).as(node.url()).isEqualTo("enabled");
            assertThat(node.kernelOps()).as(node.url()).contains("fake_a");
            assertThat(outcome.output()).contains(node.url() + ": runs no scheduler (IDLE); asking for fake_a");
        }
        assertThat(outcome.output())
                .contains("[1/3] " + first.url() + ": RUNNING fake_a")
                .contains("[3/3] " + third.url() + ": RUNNING fake_a")
                .contains("all 3 daemons run fake_a");
    }

    @Test
    void aDaemonThatFailsRollsEveryChangedDaemonBackToWhatItRan() throws Exception {
        FleetNode first = node(FleetNode.start(temp.resolve("node1")));
        FleetNode second = node(FleetNode.start(temp.resolve("node2")));
        FleetNode third = node(FleetNode.refusingFakeB(temp.resolve("node3")));
        // Before: the first runs fake_a with a flag, the second runs nothing, the third runs fake_a.
        first.run("fake_a", List.of("--ignore-int"));
        third.run("fake_a", List.of());
        awaitRunning(first, "fake:fake_a");
        awaitRunning(third, "fake:fake_a");

        RolloutScript.Outcome outcome =
                RolloutScript.run(temp, "--timeout", "15", fleetFile().toString(), "fake_b");

        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(1);
        assertThat(outcome.output())
                .as("the first two took fake_b before the third failed")
                .contains("[1/3] " + first.url() + ": RUNNING fake_b")
                .contains("[2/3] " + second.url() + ": RUNNING fake_b")
                .contains("[3/3] " + third.url() + ": FAILED: phase RESTARTING")
                .contains("this host's kernel lacks a feature it needs")
                .contains("the rollout of fake_b failed at " + third.url());

        SupervisorStatus firstNow = first.status();
        assertThat(firstNow.phase()).isEqualTo(Phase.RUNNING);
        assertThat(firstNow.scheduler()).contains("fake:fake_a");
        assertThat(firstNow.args()).containsExactly("--ignore-int");
        assertThat(first.kernelOps()).contains("fake_a");

        SupervisorStatus secondNow = second.status();
        assertThat(secondNow.phase())
                .as("it ran no scheduler: the rollback stops it")
                .isEqualTo(Phase.IDLE);
        assertThat(secondNow.settled()).isTrue();
        assertThat(second.kernelState()).isEqualTo("disabled");
        assertThat(second.kernelOps()).isEmpty();

        SupervisorStatus thirdNow = third.status();
        assertThat(thirdNow.phase()).isEqualTo(Phase.RUNNING);
        assertThat(thirdNow.scheduler()).contains("fake:fake_a");
        assertThat(third.kernelOps()).contains("fake_a");
        assertThat(outcome.output())
                .contains(first.url() + ": back to fake:fake_a --ignore-int (RUNNING)")
                .contains(second.url() + ": back to no scheduler (IDLE)")
                .contains(third.url() + ": back to fake:fake_a (RUNNING)");
    }

    @Test
    void aMalformedFleetFileIsAUsageErrorThatChangesNoDaemon() throws Exception {
        FleetNode only = node(FleetNode.start(temp.resolve("node1")));
        Path fleet = Files.writeString(temp.resolve("fleet.txt"), only.fleetLine() + "\n" + "http://127.0.0.1:1\n");

        RolloutScript.Outcome outcome = RolloutScript.run(temp, fleet.toString(), "fake_a");

        assertThat(outcome.exitCode()).as(outcome.output()).isEqualTo(2);
        assertThat(outcome.output()).contains(fleet + " line 2: give \"URL TOKENFILE\"");
        assertThat(only.status().phase()).isEqualTo(Phase.IDLE);
        assertThat(only.status().request()).as("no request reached the daemon").isZero();
    }
}
