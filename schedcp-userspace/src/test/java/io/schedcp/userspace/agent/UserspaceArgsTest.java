package io.schedcp.userspace.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserspaceArgsTest {

    @Test
    void noFlagsMeanTheFairPolicyAndTheDefaultLimits() {
        UserspaceArgs args = UserspaceArgs.parse(List.of());

        assertThat(args.policy()).isEqualTo("fair");
        assertThat(args.sliceUs()).isEqualTo(5_000);
        assertThat(args.stallMs()).isEqualTo(50);
        assertThat(args.priorityBudgetMs()).isEqualTo(20);
        assertThat(args.socket()).isEmpty();
    }

    @Test
    void flagsAreReadWithASpaceOrAnEqualsSignAndPolicyOptionsAccumulate() {
        UserspaceArgs args = UserspaceArgs.parse(List.of(
                "--policy",
                "strategies",
                "--policy-opt",
                "file=/tmp/s.json",
                "--policy-opt=slice_us=2000",
                "--slice-us=2000",
                "--stall-ms",
                "100",
                "--priority-budget-ms",
                "5",
                "--socket",
                "/run/u.sock",
                "--agent-preempt",
                "on"));

        assertThat(args.policy()).isEqualTo("strategies");
        assertThat(args.policyOptions()).isEqualTo(Map.of("file", "/tmp/s.json", "slice_us", "2000"));
        assertThat(args.sliceUs()).isEqualTo(2000);
        assertThat(args.stallMs()).isEqualTo(100);
        assertThat(args.priorityBudgetMs()).isEqualTo(5);
        assertThat(args.socket()).contains(Path.of("/run/u.sock"));
        assertThat(args.agentPreempt()).isTrue();
    }

    @Test
    void theAgentGetsEveryFlagBackWithTheHomesSocket() {
        UserspaceArgs args = UserspaceArgs.parse(List.of("--policy", "fifo", "--policy-opt", "a=b"));

        List<String> again = args.toList(Path.of("/home/u/userspace.sock"));

        assertThat(UserspaceArgs.parse(again))
                .isEqualTo(new UserspaceArgs(
                        "fifo",
                        Map.of("a", "b"),
                        5_000,
                        50,
                        20,
                        java.util.Optional.of(Path.of("/home/u/userspace.sock")),
                        false));
    }

    @Test
    void aValueOutOfRangeIsRefusedWithTheRange() {
        assertRefused(List.of("--slice-us", "5"), "--slice-us 5 is out of range; give one from 100 to 1000000");
        assertRefused(List.of("--stall-ms", "2000"), "--stall-ms 2000 is out of range; give one from 5 to 1000");
        assertRefused(List.of("--priority-budget-ms", "x"), "--priority-budget-ms x is not a whole number");
    }

    @Test
    void anUnknownFlagAMissingValueAndABadOptionAreRefusedWithTheFix() {
        assertRefused(List.of("--quantum", "5"), "scx_userspace does not take --quantum");
        assertRefused(List.of("--policy"), "--policy needs a value");
        assertRefused(List.of("--policy-opt", "noequals"), "is not KEY=VALUE");
        assertRefused(List.of("--policy", "Bad Name"), "is not a policy name");
        assertRefused(List.of("--agent-preempt", "yes"), "--agent-preempt yes is neither on nor off");
    }

    private static void assertRefused(List<String> args, String message) {
        SchedcpException refused = catchThrowableOfType(SchedcpException.class, () -> UserspaceArgs.parse(args));
        assertThat(refused).as("refusal of %s", args).isNotNull();
        assertThat(refused.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(refused.getMessage()).contains(message);
    }
}
