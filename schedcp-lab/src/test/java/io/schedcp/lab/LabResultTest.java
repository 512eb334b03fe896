package io.schedcp.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabResultTest {

    private static final KernelCrash CRASH = new KernelCrash(
            "Oops",
            "Oops: int3: 0000 [#1] SMP NOPTI",
            List.of("[ 9.0] Oops: int3: 0000 [#1] SMP NOPTI", "[ 9.1] RIP: 0010:__schedule+0x693/0x1530"),
            9.0,
            true);

    private static LabResult crashedIn(String scenario, Optional<KernelCrash> crash) {
        List<ScenarioResult> done = List.of(
                new ScenarioResult("first", 0, List.of(), Duration.ofSeconds(1), false),
                new ScenarioResult(scenario, 125, List.of("half"), Duration.ofSeconds(2), true));
        return new LabResult(
                125,
                List.of("first", scenario, "third"),
                done,
                List.of(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(4),
                List.of(),
                crash,
                Optional.of(Path.of("/keep/boot.console")));
    }

    @Test
    void scenariosCutShortOrNeverReachedAreUnfinishedAndNameTheCrash() {
        LabResult result = crashedIn("second", Optional.of(CRASH));

        assertThat(result.unfinished()).containsExactly("second", "third");
        assertThat(result.whyUnfinished("second"))
                .isEqualTo("scenario second was cut short because the guest kernel "
                        + "crashed at 9.0 s of guest uptime: Oops: int3: 0000 [#1] SMP NOPTI, RIP: 0010:__schedule+0x693/0x1530"
                        + " (kernel panic); the whole console is in /keep/boot.console");
        assertThat(result.whyUnfinished("third")).startsWith("scenario third did not run because the guest kernel");
    }

    @Test
    void withoutACrashTheyAreSaidToHaveHadNoResult() {
        assertThat(crashedIn("second", Optional.empty()).whyUnfinished("third"))
                .isEqualTo("scenario third did not run: the guest ended without a result; the whole console is in "
                        + "/keep/boot.console");
    }
}
