package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.schedcp.core.json.SchedcpJson;
import io.schedcp.lab.Lab;
import io.schedcp.lab.LabOptions;
import io.schedcp.lab.LabResult;
import io.schedcp.lab.LabScenario;
import io.schedcp.lab.LabToolchain;
import io.schedcp.lab.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Custom schedulers end to end with the packaged CLI: the examples of bpf/examples and the broken sources of
 * the test resources are created on this host (clang), verified in one lab boot (a real sched_ext kernel),
 * then run as custom:NAME in a second boot, where create-and-run also goes from source to a running
 * scheduler. Prints the figures: compile times, lab verify times, the end-to-end create-and-run time.
 */
class CustomLabIT {

    private static final Path EXAMPLES = LabTests.PROJECT.resolve("bpf/examples");
    private static final Path BROKEN = Path.of("src/test/resources/custom-bpf").toAbsolutePath();
    private static final List<String> EXAMPLE_NAMES = List.of("fifo", "wvtime", "ljf");
    private static final Duration CLI_LIMIT = Duration.ofMinutes(2);

    @TempDir
    static Path home;

    private static final Map<String, LauncherProcess> CREATED = new HashMap<>();
    private static LauncherProcess cError;
    private static JsonNode verified;
    private static String verifyErr;
    private static LabResult runs;

    @BeforeAll
    static void createVerifyAndRun() throws Exception {
        Path cache = LabTests.cache();
        LabToolchain toolchain = LabTests.readyOrSkip("custom scheduler lab tests");
        for (String name : EXAMPLE_NAMES) {
            CREATED.put(
                    name, cli("create", name, EXAMPLES.resolve(name + ".bpf.c").toString()));
        }
        CREATED.put(
                "verr",
                cli("create", "verr", BROKEN.resolve("verifier_error.bpf.c").toString()));
        CREATED.put(
                "stall", cli("create", "stall", BROKEN.resolve("stall.bpf.c").toString()));
        cError = cli("create", "cerr", BROKEN.resolve("c_error.bpf.c").toString());
        CREATED.forEach((name, process) -> System.out.printf(
                "custom create %-7s rc %d: %s%n", name, process.exitCode(), compileFigure(process.err())));

        long start = System.nanoTime();
        List<String> verify = new ArrayList<>(List.of("verify", "--where", "lab", "--json"));
        verify.addAll(EXAMPLE_NAMES);
        verify.addAll(List.of("verr", "stall"));
        LauncherProcess verifying = LauncherProcess.start(environment(), verify.toArray(String[]::new));
        verifying.awaitExit(Duration.ofMinutes(12));
        verifyErr = verifying.err();
        System.out.printf(
                "custom verify in the lab: %d schedulers in %.1f s (one boot)%n",
                verify.size() - 4, (System.nanoTime() - start) / 1e9);
        verified = SchedcpJson.mapper().readTree(verifying.out().isBlank() ? "[]" : verifying.out());
        for (JsonNode result : verified) {
            System.out.printf(
                    "custom verify %-7s passed=%s stage=%s load %d ms, enable %d ms, ran %.1f s%n",
                    result.get("name").asString(),
                    result.get("passed").asBoolean(),
                    result.get("stage").asString(),
                    result.get("load_millis").asLong(),
                    result.get("enable_millis").asLong(),
                    result.get("seconds_ran").asDouble());
        }

        String tests = LabTests.SCRIPTS.toString();
        List<LabScenario> scenarios = new ArrayList<>();
        for (String name : EXAMPLE_NAMES) {
            scenarios.add(new LabScenario(
                    "run-" + name,
                    "export SCHEDCP_HOME=" + home + "; bash " + tests + "/run-scheduler.sh custom:" + name + " "
                            + name));
        }
        scenarios.add(new LabScenario(
                "create-and-run",
                "bash " + tests + "/create-and-run.sh " + EXAMPLES.resolve("wvtime.bpf.c") + " wvtime"));
        Path bin = LauncherProcess.DIST.resolve("bin").toAbsolutePath();
        LabOptions options =
                LabOptions.defaults().withScenarioTimeout(Duration.ofMinutes(5)).withPath(List.of(bin));
        runs = LabTests.boot(new Lab(toolchain, cache), scenarios, options);
        for (ScenarioResult scenario : runs.scenarios()) {
            System.out.printf(
                    "custom lab scenario %-14s %6.1f s  exit %d%n",
                    scenario.name(), scenario.duration().toMillis() / 1000.0, scenario.exitCode());
        }
        Matcher endToEnd =
                Pattern.compile("create-and-run running_s=(\\d+\\.\\d+)").matcher(output("create-and-run"));
        if (endToEnd.find()) {
            System.out.println(
                    "custom create-and-run in the lab guest: source to running in " + endToEnd.group(1) + " s");
        }
    }

    private static LauncherProcess cli(String... args) throws Exception {
        LauncherProcess process = LauncherProcess.start(environment(), args);
        process.awaitExit(CLI_LIMIT);
        return process;
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of(
                "PATH",
                "HOME",
                "SCHEDCP_CACHE",
                "CI",
                "SCHEDCP_LAB_CONSOLES",
                "SCHEDCP_LAB_ACCEL",
                "SCHEDCP_LAB_CPU",
                "SCHEDCP_LAB_QEMU")) {
            Optional.ofNullable(System.getenv(name)).ifPresent(value -> env.put(name, value));
        }
        env.put("SCHEDCP_HOME", home.toString());
        return env;
    }

    private static String compileFigure(String err) {
        Matcher m = Pattern.compile("compiled in (\\d+) ms").matcher(err);
        return m.find() ? "compiled in " + m.group(1) + " ms" : err.strip();
    }

    private static JsonNode result(String name) {
        for (JsonNode node : verified) {
            if (name.equals(node.get("name").asString())) {
                return node;
            }
        }
        return fail("no verification result for " + name + "; verify printed:\n" + verifyErr);
    }

    private static String output(String scenario) {
        return LabTests.output(runs, scenario);
    }

    @Test
    void theExamplesCompileAndPassVerificationInTheLab() {
        for (String name : EXAMPLE_NAMES) {
            assertThat(CREATED.get(name).exitCode()).as(CREATED.get(name).err()).isZero();
            JsonNode result = result(name);
            assertThat(result.get("passed").asBoolean()).as(result.toString()).isTrue();
            assertThat(result.get("where").asString()).isEqualTo("lab");
            assertThat(result.get("seconds_ran").asDouble()).isGreaterThanOrEqualTo(10.0);
            assertThat(result.get("workload").get("finished").asBoolean()).isTrue();
        }
    }

    @Test
    void aCErrorIsRejectedWithClangsMessage() {
        assertThat(cError.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(cError.err())
                .containsPattern("c_error\\.bpf\\.c:\\d+:\\d+: error: ")
                .contains("cerr was not created");
        assertThat(home.resolve("custom/cerr")).doesNotExist();
    }

    @Test
    void aVerifierErrorIsRejectedWithTheVerifiersMessage() {
        JsonNode result = result("verr");
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("stage").asString()).isEqualTo("load");
        assertThat(result.get("reason").asString())
                .as(result.toString())
                .contains("the kernel's verifier rejected program")
                .contains("invalid mem access");
    }

    @Test
    void aStallingSchedulerIsEjectedByTheWatchdogAndTheStallReported() {
        JsonNode result = result("stall");
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("stage").asString()).as(result.toString()).isEqualTo("run");
        assertThat(result.get("reason").asString())
                .startsWith("stall: the kernel's watchdog ejected it")
                .contains("runnable task stall");
        assertThat(result.get("exit").get("kind_name").asString()).isEqualTo("SCX_EXIT_ERROR_STALL");
    }

    @Test
    void schedulersThatFailedVerificationAreListedUnavailableWithTheReason() throws Exception {
        LauncherProcess list = cli("list", "--name", "custom:", "--json");
        Map<String, String> reasons = new HashMap<>();
        SchedcpJson.mapper()
                .readTree(list.out())
                .forEach(row -> reasons.put(
                        row.get("name").asString(),
                        row.path("unavailable_reason").asString("")));
        assertThat(reasons).containsOnlyKeys("fifo", "wvtime", "ljf", "verr", "stall");
        assertThat(reasons.get("verr")).contains("its last verification failed (load)");
        assertThat(reasons.get("stall")).contains("its last verification failed (run)");
        for (String name : EXAMPLE_NAMES) {
            // Verified: available where the kernel has sched_ext; on a host without it, only that is missing.
            assertThat(reasons.get(name)).doesNotContain("verif");
        }
    }

    @Test
    void eachExampleRunsAsCustomNameAndStopLeavesTheKernelOnItsDefault() {
        for (String name : EXAMPLE_NAMES) {
            String out = output("run-" + name);
            assertThat(out)
                    .as(out)
                    .contains("state=enabled ops=" + name)
                    .contains("schedcp: " + name + " is running: sched_ext enabled, ops " + name)
                    .containsPattern("workload rc=0")
                    .contains("run rc=0")
                    .contains("after state=disabled");
        }
    }

    @Test
    void createAndRunGoesFromSourceToARunningScheduler() {
        String out = output("create-and-run");
        assertThat(out)
                .as(out)
                .contains("created custom:wvtime")
                .contains("wvtime passed in the host kernel")
                .contains("state=enabled ops=wvtime")
                .contains("run rc=0")
                .contains("after state=disabled");
    }
}
