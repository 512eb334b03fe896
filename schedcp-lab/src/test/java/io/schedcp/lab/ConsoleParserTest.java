package io.schedcp.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleParserTest {

    private static final String ID = "a1b2c3d4e5f6";

    private final ConsoleParser parser = new ConsoleParser(ID);
    private final List<String> live = new ArrayList<>();
    private long clock;

    private void feed(String... lines) {
        for (String line : lines) {
            clock += 1_000_000_000L;
            parser.accept(line + "\r", clock).ifPresent(live::add);
        }
    }

    @Test
    void splitsTheJobIntoScenariosAndLeavesKernelMessagesOut() {
        feed(
                "[    0.000000] Linux version 7.3.4+deb13-cloud-amd64",
                "SCHEDCP-LAB-START " + ID,
                "SCHEDCP-SCENARIO-BEGIN " + ID + " status",
                "sched_ext:   disabled",
                "SCHEDCP-SCENARIO-END " + ID + " status 0",
                "SCHEDCP-SCENARIO-BEGIN " + ID + " broken",
                "[   12.5] sched_ext: BPF scheduler \"qmap\" disabled (runnable task stall)",
                "SCHEDCP-SCENARIO-END " + ID + " broken 3",
                "SCHEDCP-LAB-EXIT 3 " + ID,
                "[   15.0] reboot: Power down");

        assertThat(parser.exitCode()).contains(3);
        assertThat(parser.scenarios())
                .extracting(ScenarioResult::name, ScenarioResult::exitCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("status", 0),
                        org.assertj.core.groups.Tuple.tuple("broken", 3));
        assertThat(parser.scenarios().get(0).output()).containsExactly("sched_ext:   disabled");
        assertThat(parser.scenarios().get(0).duration().toSeconds()).isEqualTo(2);
        assertThat(live)
                .containsExactly(
                        "sched_ext:   disabled",
                        "[   12.5] sched_ext: BPF scheduler \"qmap\" disabled (runnable task stall)");
        assertThat(parser.output()).doesNotContain("[    0.000000] Linux version 7.3.4+deb13-cloud-amd64");
    }

    @Test
    void markersOfAnotherBootAreOrdinaryOutput() {
        feed(
                "SCHEDCP-LAB-START " + ID,
                "SCHEDCP-SCENARIO-BEGIN " + ID + " echo",
                "SCHEDCP-LAB-EXIT 0 ffffffffffff",
                "SCHEDCP-SCENARIO-END ffffffffffff echo 0");

        assertThat(parser.exitCode()).isEmpty();
        assertThat(live).containsExactly("SCHEDCP-LAB-EXIT 0 ffffffffffff", "SCHEDCP-SCENARIO-END ffffffffffff echo 0");
    }

    @Test
    void aScenarioCutOffByTheGuestTimeoutCountsAsTimedOut() {
        feed(
                "SCHEDCP-LAB-START " + ID,
                "SCHEDCP-SCENARIO-BEGIN " + ID + " slow",
                "still working",
                "guest-init: job timed out after 300s",
                "SCHEDCP-LAB-EXIT 124 " + ID);

        assertThat(parser.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.exitCode()).isEqualTo(124);
            assertThat(s.output()).contains("still working");
        });
    }

    @Test
    void aGuestThatNeverStartsHasNoResult() {
        feed("[    0.0] Linux version", "Kernel panic - not syncing: VFS: Unable to mount root fs");

        assertThat(parser.exitCode()).isEmpty();
        assertThat(parser.startedNanos()).isNegative();
        assertThat(parser.consoleTail()).contains("Kernel panic - not syncing: VFS: Unable to mount root fs");
    }
}
