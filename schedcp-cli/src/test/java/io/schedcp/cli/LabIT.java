package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real schedcp CLI of this build on a real sched_ext kernel: one lab boot runs every scenario (scripts
 * under bpf/lab/tests), then each test asserts on its scenario's output. Off CI, a host that cannot boot
 * the lab skips these tests and says so loudly; on CI (CI=true) that is a failure.
 */
class LabIT {

    private static final Path TESTS = LabTests.SCRIPTS;
    private static LabResult result;

    @BeforeAll
    static void bootOnce() throws Exception {
        Path cache = LabTests.cache();
        LabToolchain toolchain = LabTests.readyOrSkip("lab tests");
        List<LabScenario> scenarios = new ArrayList<>();
        scenarios.add(new LabScenario("status", "schedcp status; echo \"status rc=$?\""));
        scenarios.add(script("run-simple", "run-scheduler.sh scx_simple simple"));
        scenarios.add(script("run-qmap", "run-scheduler.sh scx_qmap qmap"));
        scenarios.add(script("run-central", "run-scheduler.sh scx_central central"));
        scenarios.add(script("replace", "replace.sh"));
        scenarios.add(script("foreign", "foreign.sh"));
        scenarios.add(script("bad-args", "bad-args.sh"));
        scenarios.add(script("sigkill", "sigkill.sh"));
        scenarios.add(script("bench", "bench.sh"));
        scenarios.add(script("mcp", "mcp.sh"));
        Path simpleObject = Path.of(toolchain.properties().getProperty("kernel_src", "/nonexistent"))
                .resolve("tools/sched_ext/build/obj/sched_ext/scx_simple.bpf.o");
        String classPath = Path.of("target/test-classes").toAbsolutePath() + ":"
                + Path.of(System.getProperty("schedcp.dist", "target/schedcp")).toAbsolutePath() + "/lib/*";
        scenarios.add(new LabScenario(
                "java-loader",
                "java -cp '" + classPath + "' " + StructOpsProbe.class.getName() + " " + simpleObject
                        + " simple_ops; echo \"probe rc=$?\""));
        Path bin = Path.of(System.getProperty("schedcp.dist", "target/schedcp"))
                .resolve("bin")
                .toAbsolutePath();
        LabOptions options = LabOptions.defaults()
                .withScenarioTimeout(Duration.ofMinutes(5))
                .withPath(List.of(bin))
                .withEnvironment(Map.of("SCHEDCP_LOG_LEVEL", "info"));
        result = LabTests.boot(new Lab(toolchain, cache), scenarios, options);
        System.out.printf(
                "lab boot: %.1f s to the first scenario, %.1f s in all, kernel %s%n",
                result.boot().toMillis() / 1000.0, result.total().toMillis() / 1000.0, toolchain.kernelVersion());
        for (ScenarioResult scenario : result.scenarios()) {
            System.out.printf(
                    "lab scenario %-12s %6.1f s  exit %d%n",
                    scenario.name(), scenario.duration().toMillis() / 1000.0, scenario.exitCode());
        }
    }

    private static LabScenario script(String name, String command) {
        return new LabScenario(name, "bash " + TESTS + "/" + command);
    }

    private static String output(String scenario) {
        return LabTests.output(result, scenario);
    }

    @Test
    void theJvmLoadsAndAttachesASchedulerItselfThroughLibbpf() {
        String out = output("java-loader");
        assertThat(out)
                .as(out)
                .containsPattern("probe filled [1-9][0-9]* scx enums")
                .contains("probe attached state=enabled ops=simple")
                .contains("probe after 2 s state=enabled ops=simple")
                .contains("probe detached state=disabled")
                .contains("probe rc=0");
    }

    @Test
    void statusReportsSchedExtPresentAndDisabled() {
        assertThat(output("status")).contains("sched_ext:   disabled").contains("status rc=0");
    }

    @Test
    void scxSimpleRunsAWorkloadAndStopsOnSigint() {
        assertRunsAndStops("run-simple", "scx_simple", "simple");
    }

    @Test
    void scxQmapRunsAWorkloadAndStopsOnSigint() {
        assertRunsAndStops("run-qmap", "scx_qmap", "qmap");
    }

    @Test
    void scxCentralRunsAWorkloadAndStopsOnSigint() {
        assertRunsAndStops("run-central", "scx_central", "central");
    }

    private static void assertRunsAndStops(String scenario, String name, String ops) {
        String out = output(scenario);
        assertThat(out)
                .as(out)
                .contains("state=enabled ops=" + ops)
                .contains("scheduler:   " + ops + " (scx:" + name + ")")
                .containsPattern("program: +" + name + " \\(pid [0-9]+\\)")
                .contains("workload rc=0")
                .contains("run rc=0")
                .contains("after state=disabled")
                .contains("schedcp: " + name + " is running: sched_ext enabled, ops " + ops)
                .contains("schedcp: stopped " + name + " (sent SIGINT")
                .contains("the kernel is back on its default scheduler (sched_ext disabled)");
    }

    @Test
    void startingASchedulerStopsTheOneAnotherSchedcpRuns() {
        String out = output("replace");
        assertThat(out)
                .as(out)
                .contains("first ops=qmap")
                .contains("second ops=simple")
                .contains("schedcp: stopping the running scheduler 'qmap' first (scx_qmap pid")
                .contains("schedcp: scx_simple is running: sched_ext enabled, ops simple")
                .contains("after state=disabled");
    }

    @Test
    void aSchedulerAnotherProgramStartedIsNamedAndLeftAloneWithoutReplaceForeign() {
        String out = output("foreign");
        Matcher pid = Pattern.compile("foreign pid=(\\d+)").matcher(out);
        assertThat(pid.find()).as(out).isTrue();
        assertThat(out)
                .as(out)
                .contains("before ops=simple")
                .contains("run rc=" + ExitCodes.START_FAILED)
                .contains("after state=enabled ops=simple")
                .contains("foreign alive=yes")
                .contains("message=schedcp: cannot start scx_qmap: the kernel runs the sched_ext scheduler 'simple', "
                        + "held by scx_simple (pid " + pid.group(1) + "), which this schedcp did not start, so it was "
                        + "left alone")
                .contains("run again with --replace-foreign")
                .doesNotContain("stopping the running scheduler")
                .doesNotContain("is running: sched_ext enabled, ops qmap");
        List<String> lines = out.strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).as(out).startsWith("state=disabled ops=none");
    }

    @Test
    void aSchedulerThatCannotLoadFailsWithItsOwnOutputAndLeavesTheKernelAlone() {
        String out = output("bad-args");
        assertThat(out)
                .as(out)
                .contains("run rc=" + ExitCodes.START_FAILED)
                .contains("before the kernel reported it enabled")
                .contains("after state=disabled");
    }

    @Test
    void aKilledSchedulerIsEjectedByTheKernelAndReported() {
        String out = output("sigkill");
        assertThat(out)
                .as(out)
                .contains("run rc=" + ExitCodes.EJECTED)
                .containsPattern("the kernel ejected scx_simple .*; its program ended by signal 9 \\(SIGKILL\\)"
                        + "|scx_simple ended by signal 9 \\(SIGKILL\\)( \\(status 137\\))? while it was running")
                .contains("after state=disabled");
    }

    @Test
    void aBenchRecordsEachSchedulersRunAndTheRecommendationFollowsTheMeasuredWinner() {
        String out = output("bench");
        assertThat(out)
                .as(out)
                .contains("bench rc=0")
                .contains("after state=disabled")
                .containsPattern("chart_bytes=[1-9]\\d{2,}")
                .containsPattern("default\\s+1/1\\s+[0-9.]+ \\(1\\.00x\\)")
                .containsPattern("scx_simple\\s+1/1\\s+[0-9.]+ \\([0-9.]+x\\)")
                .containsPattern("scx_qmap\\s+1/1\\s+[0-9.]+ \\([0-9.]+x\\)");
        JsonNode history = SchedcpJson.mapper().readTree(between(out, "--- history", "--- recommend"));
        assertThat(history)
                .extracting(h -> h.get("scheduler").asString())
                .containsExactlyInAnyOrder("default", "scx_simple", "scx_qmap");
        String winner = null;
        double best = Double.MAX_VALUE;
        for (JsonNode entry : history) {
            double time = entry.get("metrics").get("hackbench_time_s").asDouble();
            if (time < best) {
                best = time;
                winner = entry.get("scheduler").asString();
            }
        }
        JsonNode ranked = SchedcpJson.mapper().readTree(between(out, "--- recommend", "--- end"));
        assertThat(ranked.get(0).get("scheduler").asString())
                .as(ranked.toString())
                .isEqualTo(winner);
        System.out.printf(
                "lab bench: hackbench -g 2 -l 50, winner %s at %.3f s; recommended first: %s%n",
                winner, best, ranked.get(0).get("scheduler").asString());
    }

    @Test
    void anMcpClientRunsAndStopsSchedulerThroughTheServer() {
        String out = output("mcp");
        assertThat(out)
                .as(out)
                .contains("\"serverInfo\":{\"name\":\"schedcp\"")
                .contains("during state=enabled ops=simple")
                .containsPattern("execution=scx_simple-[0-9a-f]+")
                .contains("\"back_to_default\":true")
                .contains("after state=disabled")
                .contains("mcp rc=0");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from + 1);
        assertThat(from).as(text).isNotNegative();
        assertThat(to).as(text).isPositive();
        return text.substring(from + start.length(), to).strip();
    }
}
