package io.schedcp.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job script, run here with bash as the guest would run it. */
class LabJobTest {

    @TempDir
    Path temp;

    @Test
    void theJobRunsEachScenarioBetweenMarkersAndExitsWithTheFirstFailure() throws Exception {
        String job = LabJob.render(
                "cafe01",
                List.of(
                        new LabScenario("one", "echo \"it's $GREETING\"; pwd"),
                        new LabScenario("two", "echo failing >&2; exit 4"),
                        new LabScenario("three", "exit 5")),
                temp,
                List.of(Path.of("/opt/x bin")),
                Map.of("GREETING", "a'b"),
                30);
        Path file = Files.writeString(temp.resolve("job.sh"), job);

        ProcessBuilder builder = new ProcessBuilder("bash", file.toString())
                .redirectErrorStream(true)
                .directory(Path.of("/").toFile());
        builder.environment()
                .put("TMPDIR", Files.createDirectories(temp.resolve("tmp")).toString());
        Process bash = builder.start();
        bash.getOutputStream().close();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(bash.exitValue()).isEqualTo(4);
        assertThat(output.lines().toList())
                .containsSubsequence(
                        "SCHEDCP-SCENARIO-BEGIN cafe01 one",
                        "it's a'b",
                        temp.toString(),
                        "SCHEDCP-SCENARIO-END cafe01 one 0",
                        "SCHEDCP-SCENARIO-BEGIN cafe01 two",
                        "failing",
                        "SCHEDCP-SCENARIO-END cafe01 two 4",
                        "SCHEDCP-SCENARIO-END cafe01 three 5");
        assertThat(job).contains("export PATH='/opt/x bin':\"$PATH\"");
        assertThat(temp.resolve("tmp/scenario-two.sh")).exists();
    }

    @Test
    void aScenarioNameMustBeSafeForAMarker() {
        assertThatThrownBy(() -> new LabScenario("two words", "true")).isInstanceOf(IllegalArgumentException.class);
    }
}
