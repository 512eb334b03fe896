package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.bpf.custom.CustomMeta;
import io.schedcp.bpf.custom.CustomStore;
import io.schedcp.bpf.custom.DescriptorFields;
import io.schedcp.bpf.custom.VerificationResult;
import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's errors as the command line shows them: the library's fact, then advice that names a schedcp
 * command or flag and no MCP tool. The MCP server's words for the same errors are in ToolAdviceTest.
 */
class CliAdviceTest {

    private static final Pattern CREATED = Pattern.compile("created (w-[0-9a-f]{8}): ");
    private static final List<String> MCP_TOOLS = List.of(
            "list_schedulers",
            "run_scheduler",
            "get_execution_status",
            "create_and_verify_scheduler",
            "workload {",
            "benchmark's",
            "system_monitor");

    @TempDir
    Path temp;

    private CliFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp).install("scx_simple");
    }

    private Result run(String... args) {
        return fixture.run(args);
    }

    /** The last line schedcp wrote on stderr, its error; nothing on stderr names an MCP tool. */
    private static String error(Result result) {
        assertThat(result.err()).doesNotContain(MCP_TOOLS);
        String[] lines = result.err().strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void anUnknownSchedulerNameGetsTheClosestNamesThenTheListCommand() {
        Result result = run("show", "scx_simpel");

        assertThat(result.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(error(result))
                .isEqualTo("schedcp: no scheduler is named 'scx_simpel' (closest: scx_simple); run "
                        + "'schedcp list' to see every scheduler");
    }

    @Test
    void anUnknownExecutionIdSaysWhichCommandPrintsOne() {
        SchedulerManager manager = fixture.managers(fixture.environment()).apply(ManagerSettings.DEFAULTS);
        try {
            SchedcpException e =
                    catchThrowableOfType(SchedcpException.class, () -> manager.stop("scx_simple-00000000"));

            assertThat(e.getMessage())
                    .isEqualTo("no execution has the id 'scx_simple-00000000'; this schedcp has "
                            + "started no scheduler");
            assertThat(CliAdvice.message(e))
                    .isEqualTo(e.getMessage() + "; an execution id is printed by the "
                            + "'schedcp run' that started it, and only that process knows it");
        } finally {
            manager.close();
        }
    }

    @Test
    void anUnknownWorkloadSaysHowToCreateOneOrListThem() {
        Result none = run("workload", "show", "w-00000000");
        String id = create("gaming");
        Result some = run("workload", "history", "w-00000000");

        assertThat(none.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(error(none))
                .isEqualTo("schedcp: there is no workload 'w-00000000'; there are no workloads yet; "
                        + "create one with 'schedcp workload create \"DESCRIPTION\"'");
        assertThat(error(some))
                .isEqualTo("schedcp: there is no workload 'w-00000000'; the workloads are " + id
                        + " (gaming); run 'schedcp workload list' to see them all");
    }

    @Test
    void aBenchPlanOutOfRangeOrRepeatingASchedulerNamesTheFlags() {
        String id = create("hackbench");

        Result runs = run("bench", "--workload", id, "--schedulers", "default", "--runs", "0", "--", "true");
        Result twice = run("bench", "--workload", id, "--schedulers", "default,scx_simple,default", "--", "true");

        assertThat(runs.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(error(runs))
                .isEqualTo("schedcp: 0 runs per scheduler is out of range: 1 to 100; give --runs a "
                        + "value from 1 to 100");
        assertThat(twice.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(error(twice))
                .isEqualTo("schedcp: default is named twice among the schedulers to compare "
                        + "[default, scx_simple, default]; name each scheduler once in --schedulers, and give --runs for more "
                        + "runs of each");
    }

    @Test
    void aCustomSchedulerThatFailedVerificationSaysHowToVerifyItAgainOrCreateItAgain() throws IOException {
        storeFailed("fifo");

        Result start = run("run", "custom:fifo");
        Result show = run("show", "custom:fifo");

        String advice = "once the cause is fixed, run 'schedcp verify fifo' again; or fix the source and create it "
                + "again ('schedcp remove fifo', then 'schedcp create fifo FILE.bpf.c')";
        assertThat(start.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(error(start))
                .isEqualTo("schedcp: cannot start custom:fifo: its last verification failed (run): "
                        + "the kernel disabled it: runnable task stall; " + advice);
        assertThat(show.out().replaceAll("\\s+", " "))
                .contains("why not: its last verification failed (run): the "
                        + "kernel disabled it: runnable task stall; " + advice)
                .doesNotContain(MCP_TOOLS);
    }

    @Test
    void aTakenCustomNameSaysHowToRemoveTheOldOne() throws IOException {
        storeFailed("fifo");
        Path source = Files.writeString(temp.resolve("fifo.bpf.c"), "int x;");

        Result result = run("create", "fifo", source.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(error(result))
                .isEqualTo("schedcp: a custom scheduler named 'fifo' exists already; remove it "
                        + "first ('schedcp remove fifo') or pick another name");
    }

    private String create(String description) {
        Result result = run("workload", "create", description);
        Matcher matcher = CREATED.matcher(result.out());
        assertThat(matcher.find()).as(result.out() + result.err()).isTrue();
        return matcher.group(1);
    }

    private void storeFailed(String name) throws IOException {
        Path object = Files.write(temp.resolve(name + ".o"), new byte[] {0x7f, 'E', 'L', 'F'});
        VerificationResult failed = VerificationResult.failed(
                name,
                name,
                "host",
                10,
                "run",
                "the kernel disabled it: runnable task stall",
                List.of("SCX_EXIT_ERROR_STALL"));
        new CustomStore(fixture.home)
                .add(
                        new CustomMeta(
                                CustomMeta.SCHEMA,
                                name,
                                name,
                                name + "_ops",
                                DescriptorFields.NONE.withDescription("a stored test scheduler"),
                                "2026-11-22T00:00:00Z",
                                "test",
                                "",
                                "",
                                1,
                                failed),
                        "// source",
                        object);
    }
}
