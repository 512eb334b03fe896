package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.lab.KernelCrash;
import io.schedcp.lab.Lab;
import io.schedcp.lab.LabOptions;
import io.schedcp.lab.LabResult;
import io.schedcp.lab.LabScenario;
import io.schedcp.lab.LabToolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A guest kernel that crashes is reported as a crash, with its report, never as a silent "no result". */
class LabCrashIT {

    private static final String CRASH = "echo c > /proc/sysrq-trigger";

    @Test
    void labRunPrintsTheKernelsReportKeepsTheConsoleAndExitsWithItsOwnCode() throws Exception {
        LabTests.readyOrSkip("lab crash tests");
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "SCHEDCP_CACHE", "SCHEDCP_LAB_CONSOLES")) {
            Optional.ofNullable(System.getenv(name)).ifPresent(value -> env.put(name, value));
        }
        LauncherProcess run = LauncherProcess.start(env, "lab", "run", "--", "sh", "-c", CRASH);
        run.awaitExit(Duration.ofMinutes(4));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.LAB_KERNEL_CRASHED);
        assertThat(run.err())
                .contains("schedcp: the guest kernel crashed at ")
                .contains("Kernel panic - not syncing: sysrq triggered crash")
                .contains("  | ")
                .contains("sysrq_handle_crash")
                .doesNotContain("the guest ended without a result");
        Matcher kept = Pattern.compile("the whole console is in (\\S+)").matcher(run.err());
        assertThat(kept.find()).as(run.err()).isTrue();
        Path console = Path.of(kept.group(1));
        assertThat(console).isRegularFile();
        assertThat(Files.readString(console)).contains("sysrq: Trigger a crash");
        if (System.getenv("SCHEDCP_LAB_CONSOLES") != null) {
            assertThat(console).startsWith(Path.of(System.getenv("SCHEDCP_LAB_CONSOLES")));
        }
    }

    @Test
    void scenariosAfterACrashSayTheCrashKeptThemFromRunning() throws Exception {
        LabToolchain toolchain = LabTests.readyOrSkip("lab crash tests");
        List<LabScenario> scenarios = List.of(
                new LabScenario("before", "echo fine"),
                new LabScenario("crash", "echo going; " + CRASH + "; sleep 30"),
                new LabScenario("after", "echo never"));
        LabResult result = LabTests.boot(
                new Lab(toolchain, LabTests.cache()),
                scenarios,
                LabOptions.defaults().withScenarioTimeout(Duration.ofSeconds(60)));

        KernelCrash crash = result.crash().orElseThrow();
        assertThat(crash.headline()).isEqualTo("Kernel panic - not syncing: sysrq triggered crash");
        assertThat(crash.staleBreakpoint())
                .as("a deliberate crash is no emulator fault: no retry")
                .isFalse();
        assertThat(result.scenario("before").orElseThrow().outputText()).isEqualTo("fine");
        assertThat(result.unfinished()).containsExactly("crash", "after");
        assertThat(result.whyUnfinished("crash"))
                .startsWith("scenario crash was cut short because the guest kernel " + "crashed at ")
                .contains("sysrq triggered crash");
        assertThat(result.whyUnfinished("after"))
                .startsWith("scenario after did not run because the guest kernel " + "crashed at ")
                .contains("; the whole console is in ");
        assertThat(result.console()).hasValueSatisfying(path -> assertThat(path).isRegularFile());
    }
}
