package io.schedcp.userspace.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class RecordedWorkloadTest {

    static Path resource() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(RecordedWorkloadTest.class.getResource("recorded.jsonl"))
                .toURI());
    }

    @Test
    void aRecordingIsReadIntoTasksWithTheirBurstsInOrder() throws Exception {
        Workload workload = RecordedWorkload.read(resource());

        assertThat(workload.tasks())
                .containsExactly(
                        new TaskSpec(
                                100,
                                "nginx",
                                100,
                                4242,
                                0,
                                List.of(new Burst(2_000_000, 8_000_000), new Burst(500_000, 1_500_000))),
                        new TaskSpec(200, "gzip", 200, 0, 0, List.of(new Burst(50_000_000, 0))),
                        new TaskSpec(300, "cron", 100, 0, 1_000_000_000, List.of(new Burst(1_000_000, 999_000_000))));
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheLineAndTheKey() {
        assertThatThrownBy(() -> RecordedWorkload.parse(
                        "{\"pid\":1,\"comm\":\"a\",\"run_ns\":1}\n{\"pid\":1,\"run_ns\":1,\"nice\":0}\n", "trace"))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.INVALID_INPUT))
                .hasMessage("trace line 2 has an unknown key nice; the keys are cgroup_id, comm, pid, run_ns, "
                        + "sleep_ns, start_ns, weight");
    }

    @Test
    void aTasksFirstLineMustNameItsCommand() {
        assertThatThrownBy(() -> RecordedWorkload.parse("{\"pid\":1,\"run_ns\":5}", "trace"))
                .hasMessage("trace line 1 has no comm; a task's first event names its command");
    }

    @Test
    void aBadValueIsRefusedNamingTheKeyAndTheRange() {
        assertThatThrownBy(() -> RecordedWorkload.parse("{\"pid\":1,\"comm\":\"a\",\"run_ns\":0}", "trace"))
                .hasMessage("trace line 1: run_ns is a whole number from 1 to 9223372036854775807, not 0");
        assertThatThrownBy(() -> RecordedWorkload.parse("{\"pid\":1,\"comm\":\"a\",\"run_ns\":1,\"weight\":0}", "t"))
                .hasMessageContaining("weight is a whole number from 1 to 10000, not 0");
    }

    @Test
    void aTaskThatChangesWhoItIsIsRefused() {
        assertThatThrownBy(() -> RecordedWorkload.parse(
                        "{\"pid\":1,\"comm\":\"a\",\"run_ns\":1}\n{\"pid\":1,\"comm\":\"b\",\"run_ns\":1}", "trace"))
                .hasMessageStartingWith("trace line 2: task 1 was comm a, weight 100");
    }

    @Test
    void aLineThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> RecordedWorkload.parse("{pid: 1}", "trace"))
                .hasMessageStartingWith("trace line 1 is not a JSON object");
    }
}
