package io.schedcp.testkit.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake scheduler program's flags, which every module's tests rely on, against real processes. */
class FakeSchedulerProgramTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private FakeSchedExt sysfs;
    private Path program;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        sysfs = FakeSchedExt.in(temp);
        program = FakeSchedulerProgram.installAt(temp.resolve("bin/scx_simple"));
    }

    @AfterEach
    void tearDown() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.redirectErrorStream(true).start();
        started.add(process);
        return process;
    }

    private static String output(Process process) throws Exception {
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the program ended")
                .isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void withSysfsAndOpsItRegistersThatOpsNameAndUnregistersOnSigint() throws Exception {
        Process process = start(new ProcessBuilder(FakeSchedulerProgram.command(program, sysfs, "fake_a", List.of())));

        sysfs.awaitState("enabled", WAIT);
        assertThat(sysfs.ops()).contains("fake_a");
        Runtime.getRuntime()
                .exec(new String[] {"kill", "-INT", Long.toString(process.pid())})
                .waitFor();

        assertThat(output(process))
                .startsWith("fake fake_a: loading\nlocal=0 global=0\nfake fake_a: enabled\n")
                .contains("EXIT: unregistered from user space");
        assertThat(process.exitValue()).isZero();
        assertThat(sysfs.state()).isEqualTo("disabled");
        assertThat(sysfs.ops()).isEmpty();
    }

    @Test
    void installedAsAnScxProgramItTakesTheSysfsFromTheEnvironmentAndItsOpsNameFromItsFileName() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(program.toString());
        builder.environment().put("SCHEDCP_SCHED_EXT_DIR", sysfs.directory().toString());
        start(builder);

        sysfs.awaitState("enabled", WAIT);

        assertThat(sysfs.ops()).isEqualTo(Optional.of("simple"));
    }

    @Test
    void anOptionItDoesNotKnowFailsTheLoadWithItsNameAndEnablesNothing() throws Exception {
        Process process =
                start(new ProcessBuilder(FakeSchedulerProgram.command(program, sysfs, "fake_a", List.of("--bogus"))));

        assertThat(output(process))
                .isEqualTo("fake fake_a: unrecognized option '--bogus'\nEXIT: failed to load (fake)\n");
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(sysfs.state()).isEqualTo("disabled");
    }

    @Test
    void neverEnableRunsButLeavesTheKernelDisabled() throws Exception {
        Process process = start(
                new ProcessBuilder(FakeSchedulerProgram.command(program, sysfs, "fake_a", List.of("--never-enable"))));

        Thread.sleep(500);

        assertThat(process.isAlive()).isTrue();
        assertThat(sysfs.state()).isEqualTo("disabled");
    }

    @Test
    void withoutASysfsDirectoryItSaysHowToGiveOneAndExitsTwo() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(program.toString());
        builder.environment().remove("SCHEDCP_SCHED_EXT_DIR");

        Process process = start(builder);

        assertThat(output(process)).contains("no fake sysfs directory").contains("--sysfs DIR");
        assertThat(process.exitValue()).isEqualTo(2);
    }
}
