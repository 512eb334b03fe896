package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.CliFixture.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands in-process, against a fake sysfs and fake scheduler binaries. */
class CommandsTest {

    @TempDir
    Path temp;

    private CliFixture fixture;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp).install("scx_simple");
    }

    private Result run(Map<String, String> env, String... args) {
        return fixture.run(env, args);
    }

    private Result run(String... args) {
        return run(fixture.environment(), args);
    }

    @Test
    void listShowsEverySchedulerAndWhichCanRunHere() {
        Result result = run(withoutLab(), "list");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("NAME", "PROVIDER", "AVAILABLE")
                .containsPattern("scx_simple\\s+scx\\s+no\\s+yes")
                .containsPattern("scx_lavd\\s+scx\\s+yes\\s+no")
                .containsPattern("scx_slo\\s+slo\\s+no\\s+no")
                .contains("22 of 23 cannot run here; 'schedcp show NAME' says why.");
    }

    /** The fixture's environment with a lab cache that holds no toolchain, so scx_slo cannot be compiled. */
    private Map<String, String> withoutLab() {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_CACHE", temp.resolve("empty-cache").toString());
        return env;
    }

    @Test
    void listJsonGivesScriptsEveryEntryWithTheReasonWhenUnavailable() {
        Result result = run(withoutLab(), "list", "--json");

        JsonNode rows = json.readTree(result.out());
        assertThat(rows.size()).isEqualTo(23);
        assertThat(find(rows, "scx_slo").get("unavailable_reason").asString()).contains("run bpf/setup.sh");
        JsonNode lavd = find(rows, "scx_lavd");
        assertThat(lavd.get("available").asBoolean()).isFalse();
        assertThat(lavd.get("unavailable_reason").asString()).contains("scx_lavd is not installed");
        assertThat(lavd.get("production_ready").asBoolean()).isTrue();
        assertThat(find(rows, "scx_simple").get("available").asBoolean()).isTrue();
        assertThat(find(rows, "scx_simple").has("unavailable_reason")).isFalse();
    }

    @Test
    void listFiltersByNameAndProductionReadiness() {
        assertThat(json.readTree(run("list", "--json", "--name", "LAV").out()))
                .extracting(n -> n.get("name").asString())
                .containsExactly("scx_lavd");
        JsonNode production =
                json.readTree(run("list", "--json", "--production").out());
        assertThat(production)
                .isNotEmpty()
                .allSatisfy(
                        n -> assertThat(n.get("production_ready").asBoolean()).isTrue());
        assertThat(json.readTree(
                        run(withoutLab(), "list", "--json", "--available").out()))
                .extracting(n -> n.get("name").asString())
                .containsExactly("scx_simple");
    }

    @Test
    void showPrintsTheWholeDescriptorWithTuningParameters() {
        Result result = run("show", "scx_lavd");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains(
                        "scx_lavd",
                        "kernel ops name 'lavd'",
                        "Description",
                        "Algorithm",
                        "Use cases",
                        "Tuning parameters",
                        "Limitations",
                        "Performance profile",
                        "Requirements",
                        "production ready: yes",
                        "why not: scx_lavd is not installed");
    }

    @Test
    void showJsonCarriesTheDescriptor() {
        JsonNode shown = json.readTree(run("show", "scx_simple", "--json").out());

        assertThat(shown.get("available").asBoolean()).isTrue();
        JsonNode scheduler = shown.get("scheduler");
        assertThat(scheduler.get("ops_name").asString()).isEqualTo("simple");
        assertThat(scheduler.get("tuning_parameters").get(0).get("flag").asString())
                .startsWith("-");
        assertThat(scheduler.get("requirements").get("min_kernel").asString()).isNotBlank();
    }

    @Test
    void anUnknownNameExitsThreeWithTheClosestNames() {
        Result result = run("show", "scx_simpel");

        assertThat(result.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err())
                .contains("schedcp: no scheduler is named 'scx_simpel' (closest: scx_simple)")
                .contains("; run 'schedcp list' to see every scheduler");
        assertThat(result.err()).doesNotContain("Exception");
    }

    @Test
    void statusOnAKernelWithoutSchedExtNamesTheConfigOption() {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_SCHED_EXT_DIR", temp.resolve("no-such-dir").toString());

        Result result = run(env, "status");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .contains("not supported")
                .contains("CONFIG_SCHED_CLASS_EXT")
                .contains("docs/lab.md");
    }

    @Test
    void statusNamesTheRunningScheduler() throws Exception {
        fixture.kernelState("enabled", "lavd_1.0.20_g0a1b2c3_x86_64_unknown_linux_gnu");

        Result text = run("status");
        JsonNode status = json.readTree(run("status", "--json").out());

        assertThat(text.out()).contains("sched_ext:   enabled").contains("(scx:scx_lavd)");
        assertThat(status.get("state").asString()).isEqualTo("enabled");
        assertThat(status.get("matching_schedulers"))
                .extracting(JsonNode::asString)
                .containsExactly("scx:scx_lavd");
        assertThat(status.get("switch_all").asBoolean()).isTrue();
    }

    @Test
    void runFailsWithTheSchedulersOutputAndExitSeven() throws Exception {
        Result result = run("run", "scx_simple", "--", "--bogus");

        assertThat(result.code()).isEqualTo(ExitCodes.START_FAILED);
        assertThat(result.err())
                .contains("exited with status 1 before the kernel reported it enabled")
                .contains("unrecognized option '--bogus'");
        assertThat(fixture.kernelState()).isEqualTo("disabled");
    }

    @Test
    void runOfAnUnavailableSchedulerExitsFourWithTheReason() {
        Result result = run("run", "scx_lavd");

        assertThat(result.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).contains("scx_lavd is not installed");
    }

    @Test
    void runOnAKernelWithoutSchedExtExitsFive() {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_SCHED_EXT_DIR", temp.resolve("no-such-dir").toString());

        Result result = run(env, "run", "scx_simple");

        assertThat(result.code()).isEqualTo(ExitCodes.NO_SCHED_EXT);
        assertThat(result.err()).contains("CONFIG_SCHED_CLASS_EXT");
    }

    @Test
    void versionAndHelpAnswerWithoutTouchingTheKernel() {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_SCHED_EXT_DIR", "/nonexistent");

        assertThat(run(env, "--version").out()).startsWith("schedcp 0.");
        Result help = run(env, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("list", "show", "run", "status", "Exit codes");
        assertThat(run(env, "run", "--help").out()).contains("Ctrl-C", "--start-timeout");
    }

    @Test
    void mcpHelpListsEveryToolOfTheServerAndTheReadOnlyOptionNamesItsSet() {
        String help = run("mcp", "--help").out();

        for (io.schedcp.mcp.ToolCatalog.Entry tool : io.schedcp.mcp.ToolCatalog.entries()) {
            assertThat(help).contains("  " + tool.name() + (tool.changesHost() ? "\n" : " (read-only)\n"));
        }
        assertThat(help.replaceAll("\\s+", " "))
                .contains("--read-only Offer only the tools that change nothing on the host ("
                        + String.join(", ", io.schedcp.mcp.ToolCatalog.names(true)) + ") and the resources.");
    }

    @Test
    void aBadOptionExitsTwoWithUsage() {
        Result result = run("list", "--bogus");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void labStatusSaysWhatIsMissingAndHowToSetItUp() {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_CACHE", temp.resolve("empty-cache").toString());

        Result text = run(env, "lab", "status");
        Result json = run(env, "lab", "status", "--json");

        assertThat(text.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(text.out())
                .contains("lab:        not ready")
                .contains("toolchain.properties does not exist")
                .contains("bpf/setup.sh");
        assertThat(this.json.readTree(json.out()).get("ready").asBoolean()).isFalse();
    }

    @Test
    void labRunWithoutASetUpLabExitsFourWithTheFix() {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_CACHE", temp.resolve("empty-cache").toString());

        Result result = run(env, "lab", "run", "--", "true");

        assertThat(result.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).contains("the kernel lab is not set up").contains("bpf/setup.sh");
    }

    @Test
    void aStartTimeoutVariableThatIsNotANumberIsBlamedByName() {
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_START_TIMEOUT", "abc");

        Result result = run(env, "run", "scx_lavd");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("SCHEDCP_START_TIMEOUT=abc is not a whole number of seconds")
                .doesNotContain("--start-timeout");
    }

    @Test
    void aStartTimeoutOfZeroIsRefused() {
        Result result = run("run", "scx_lavd", "--start-timeout", "0");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--start-timeout 0 is not a timeout: give a whole number of seconds");
    }

    @Test
    void helpAndHelpOfACommandAnswerLikeTheOption() {
        Result help = run("help");
        Result helpRun = run("help", "run");

        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).contains("list", "bench", "Exit codes");
        assertThat(helpRun.code()).isZero();
        assertThat(helpRun.out()).contains("Ctrl-C", "--start-timeout");
    }

    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        CommandLine root = new CommandLine(new SchedcpCommand(null));
        List<String> summaries = new ArrayList<>();
        collectSummaries(root, summaries);

        assertThat(summaries)
                .hasSizeGreaterThan(15)
                .allSatisfy(summary -> assertThat(summary)
                        .as("the first description line of a command")
                        .matches("[a-z-]+( [a-z-]+)*: [A-Z].*[.]"));
    }

    private static void collectSummaries(CommandLine command, List<String> summaries) {
        command.getSubcommands().values().stream().distinct().forEach(sub -> {
            // The command list shows the header's first line, else the description's.
            String[] header = sub.getCommandSpec().usageMessage().header();
            String[] lines = header.length > 0
                    ? header
                    : sub.getCommandSpec().usageMessage().description();
            summaries.add(sub.getCommandSpec().qualifiedName(" ").replaceFirst("^schedcp ", "") + ": "
                    + (lines.length == 0 ? "" : lines[0]));
            collectSummaries(sub, summaries);
        });
    }

    @Test
    void recommendRefusesANegativeTop() {
        Result result = run("recommend", "a web server", "--top", "-3");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--top -3 is not a count: give how many to show, or 0 for all");
    }

    private static JsonNode find(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (row.get("name").asString().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row " + name);
    }
}
