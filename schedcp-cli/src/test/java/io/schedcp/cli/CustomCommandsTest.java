package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.bpf.custom.CustomMeta;
import io.schedcp.bpf.custom.CustomStore;
import io.schedcp.bpf.custom.DescriptorFields;
import io.schedcp.cli.CliFixture.Result;
import io.schedcp.core.json.SchedcpJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The custom-scheduler commands in-process, for what needs no compiler and no kernel: bad input, unknown
 * names, what an unverified scheduler can and cannot do. The lab test (CustomLabIT) does the rest for real.
 */
class CustomCommandsTest {

    @TempDir
    Path temp;

    private CliFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new CliFixture(temp);
    }

    private Result run(Map<String, String> env, String... args) {
        return fixture.run(env, args);
    }

    private Result run(String... args) {
        return run(fixture.environment(), args);
    }

    private void storeUnverified(String name) throws IOException {
        Path object = Files.write(temp.resolve(name + ".o"), new byte[] {0x7f, 'E', 'L', 'F'});
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
                                null),
                        "// source",
                        object);
    }

    @Test
    void createRefusesANameThatIsNotAnIdentifierAndSuggestsOne() throws IOException {
        Path source = Files.writeString(temp.resolve("x.bpf.c"), "int x;");

        Result result = run("create", "My-Sched", source.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("'My-Sched' is not a valid custom scheduler name")
                .contains("my_sched");
    }

    @Test
    void createOfAMissingFileSaysWhichFile() {
        Result result = run("create", "fifo", temp.resolve("absent.bpf.c").toString());

        assertThat(result.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err()).contains("no such source file: " + temp.resolve("absent.bpf.c"));
    }

    @Test
    void createOfADirectorySaysItIsADirectory() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("fifo.bpf.c"));

        Result result = run("create", "fifo", directory.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains(directory + " is a directory, not a source file")
                .doesNotContain("no such source file");
    }

    @Test
    void createOfADeviceNodeSaysItIsNotARegularFile() {
        Result result = run("create", "fifo", "/dev/null");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("/dev/null is not a regular file").doesNotContain("no such source file");
    }

    @Test
    void createOfABinaryFileSaysItIsNotUtf8Text() throws IOException {
        Path binary = Files.write(temp.resolve("fifo.bpf.o"), new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xfe, 0, 1});

        Result result = run("create", "fifo", binary.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(binary + " is not UTF-8 text").doesNotContain("Input length");
        assertThat(fixture.home.resolve("custom/fifo")).doesNotExist();
    }

    @Test
    void createAndRunWithZeroSecondsIsRefusedBeforeAnythingIsStored() throws IOException {
        Path source = Files.writeString(temp.resolve("fifo.bpf.c"), "int x;");

        Result result = run("create-and-run", source.toString(), "--seconds", "0");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("a verification of 0 s is out of range: 1 to 3600 s")
                .contains("; give --seconds a value from 1 to 3600")
                .doesNotContain("created");
        assertThat(fixture.home.resolve("custom/fifo")).doesNotExist();
    }

    @Test
    void createAndRunWithABadStartTimeoutOrNameIsRefusedBeforeAnythingIsStored() throws IOException {
        Path source = Files.writeString(temp.resolve("fifo.bpf.c"), "int x;");

        Result timeout = run("create-and-run", source.toString(), "--start-timeout", "0");
        Result name = run("create-and-run", source.toString(), "--name", "Bad-Name");

        assertThat(timeout.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(timeout.err()).contains("--start-timeout 0 is not a timeout");
        assertThat(name.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(name.err()).contains("'Bad-Name' is not a valid custom scheduler name");
        assertThat(fixture.home.resolve("custom")).doesNotExist();
    }

    @Test
    void aSourceThatFailsTheChecksIsRejectedWithFileAndLineAndNothingIsStored() throws IOException {
        Path source = Files.writeString(temp.resolve("plain.bpf.c"), "#include <scx/common.bpf.h>\nint x;\n");

        Result result = run("create", "plain", source.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.err())
                .contains("plain.bpf.c: error: no license section")
                .contains("plain.bpf.c: error: no sched_ext_ops struct_ops map")
                .contains("plain was not created: the source check found the problems above");
        assertThat(fixture.home.resolve("custom/plain")).doesNotExist();
    }

    @Test
    void createJsonGivesScriptsTheProblems() throws IOException {
        Path source = Files.writeString(temp.resolve("plain.bpf.c"), "int x;\n");

        Result result = run("create", "plain", source.toString(), "--json");

        JsonNode json = SchedcpJson.mapper().readTree(result.out());
        assertThat(result.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(json.get("created").asBoolean()).isFalse();
        assertThat(json.get("problems"))
                .extracting(p -> p.get("message").asString())
                .anyMatch(m -> m.contains("does not include <scx/common.bpf.h>"));
    }

    @Test
    void verifyOfAnUnknownNameSaysHowToCreateOne() {
        Result result = run("verify", "nope");

        assertThat(result.code()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err())
                .contains("there is no custom scheduler 'nope'; there are none yet")
                .contains("; create one with 'schedcp create NAME FILE.bpf.c'");
    }

    @Test
    void verifyRejectsABadPlaceAndABadDuration() throws IOException {
        storeUnverified("fifo");

        Result where = run("verify", "fifo", "--where", "mars");
        Result seconds = run("verify", "fifo", "--seconds", "0");

        assertThat(where.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(where.err()).contains("'mars' is not a place to verify: use host, lab or auto");
        assertThat(seconds.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(seconds.err())
                .contains("a verification of 0 s is out of range")
                .contains("give --seconds a value from 1 to 3600");
    }

    @Test
    void verifyOnAHostWithoutSchedExtPointsToTheLab() throws IOException {
        storeUnverified("fifo");
        Map<String, String> env = fixture.environment();
        env.put("SCHEDCP_SCHED_EXT_DIR", temp.resolve("no-such-dir").toString());

        Result result = run(env, "verify", "fifo", "--where", "host");

        assertThat(result.code()).isEqualTo(ExitCodes.NO_SCHED_EXT);
        assertThat(result.err())
                .contains("so custom schedulers cannot be verified on it")
                .contains("; verify in the kernel lab instead (--where lab)");
    }

    @Test
    void anUnverifiedSchedulerIsListedButCannotRunUntilVerified() throws IOException {
        storeUnverified("fifo");

        Result list = run("list", "--name", "custom:", "--json");
        Result start = run("run", "custom:fifo");

        JsonNode row = SchedcpJson.mapper().readTree(list.out()).get(0);
        assertThat(row.get("qualified_name").asString()).isEqualTo("custom:fifo");
        assertThat(row.get("available").asBoolean()).isFalse();
        assertThat(row.get("unavailable_reason").asString())
                .isEqualTo("it has not been verified yet; run 'schedcp verify fifo'");
        assertThat(start.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(start.err())
                .contains("schedcp: cannot start custom:fifo: it has not been verified yet")
                .contains("; run 'schedcp verify fifo'");
    }

    @Test
    void removeDeletesTheSchedulerAndASecondRemoveSaysItIsGone() throws IOException {
        storeUnverified("fifo");

        Result first = run("remove", "custom:fifo");
        Result second = run("remove", "fifo");

        assertThat(first.code()).isZero();
        assertThat(first.err()).contains("removed custom:fifo");
        assertThat(fixture.home.resolve("custom/fifo")).doesNotExist();
        assertThat(second.code()).isEqualTo(ExitCodes.NOT_FOUND);
    }
}
