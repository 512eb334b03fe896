package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.cli.logging.LogFile;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Main does around a command: the log's level, and output that cannot be written. */
class MainTest {

    @TempDir
    Path temp;

    @AfterEach
    void closeLog() {
        LogFile.close();
    }

    /** Like /dev/full: every write fails with "No space left on device". */
    private static final class FullDevice extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    @Test
    void aFailedWriteToStdoutExitsNonZeroWithAMessageOnStderr() {
        CliFixture fixture = new CliFixture(temp).install("scx_simple");
        SchedcpConfig config = new SchedcpConfig(fixture.home, fixture.environment());
        CliContext context = new CliContext(
                config,
                settings -> SchedulerManager.builder()
                        .config(config)
                        .settings(settings)
                        .launcher(new PrivilegedLauncher(Privilege.direct()))
                        .build());
        StringWriter err = new StringWriter();

        int code = Main.execute(
                context,
                new PrintWriter(new FullDevice(), true, StandardCharsets.UTF_8),
                new PrintWriter(err, true),
                "list");

        assertThat(code).isEqualTo(ExitCodes.IO);
        assertThat(err.toString()).contains("schedcp: the output could not be written to stdout");
    }

    @Test
    void aCommandLineIsLoggedButOneThatOnlyAsksForTheVersionOrHelpIsNot() throws IOException {
        CliFixture fixture = new CliFixture(temp).install("scx_simple");
        SchedcpConfig config = new SchedcpConfig(fixture.home, fixture.environment());
        CliContext context = new CliContext(
                config,
                settings -> SchedulerManager.builder()
                        .config(config)
                        .settings(settings)
                        .launcher(new PrivilegedLauncher(Privilege.direct()))
                        .build());
        StringWriter err = new StringWriter();
        Main.openLog(config, new PrintWriter(err, true));
        PrintWriter out = new PrintWriter(new StringWriter(), true);

        Main.execute(context, out, new PrintWriter(err, true), "--version");
        Main.execute(context, out, new PrintWriter(err, true), "run", "--help");
        Main.execute(context, out, new PrintWriter(err, true), "list", "--name", "simple");
        Main.execute(context, out, new PrintWriter(err, true), "list", "--bogus");

        assertThat(Files.readString(config.logFile()))
                .contains("command: schedcp list --name simple")
                .contains("command: schedcp list --bogus")
                .doesNotContain("--version")
                .doesNotContain("--help");
        assertThat(err.toString()).doesNotContain("cannot write the log");
    }

    @Test
    void aFailedCommandKeepsItsOwnExitCodeWhenStdoutFailsToo() {
        StringWriter err = new StringWriter();
        PrintWriter out = new PrintWriter(new FullDevice(), true, StandardCharsets.UTF_8);
        out.println("lost");

        assertThat(Main.outputWritten(out, new PrintWriter(err, true), ExitCodes.NOT_FOUND))
                .isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(err.toString()).contains("could not be written to stdout");
    }

    @Test
    void anUnknownLogLevelIsWarnedAboutOnceNamingTheAcceptedValues() {
        StringWriter err = new StringWriter();

        Main.openLog(new SchedcpConfig(temp, Map.of("SCHEDCP_LOG_LEVEL", "bogus")), new PrintWriter(err, true));

        assertThat(err.toString())
                .containsOnlyOnce("SCHEDCP_LOG_LEVEL=bogus is not a log level")
                .contains("trace, debug, info, warn or error");
    }

    @Test
    void anUnknownLogLevelIsShownWithItsControlCharactersSpelledOut() {
        StringWriter err = new StringWriter();

        Main.openLog(
                new SchedcpConfig(temp, Map.of("SCHEDCP_LOG_LEVEL", "x\u001b[2J\u0007")), new PrintWriter(err, true));

        assertThat(err.toString())
                .contains("SCHEDCP_LOG_LEVEL=x\\e[2J\\x07 is not a log level")
                .doesNotContain("\u001b")
                .doesNotContain("\u0007");
    }

    @Test
    void aFailedWriteOfJsonToStdoutExitsNonZeroToo() {
        CliFixture fixture = new CliFixture(temp).install("scx_simple");
        SchedcpConfig config = new SchedcpConfig(fixture.home, fixture.environment());
        CliContext context = new CliContext(
                config,
                settings -> SchedulerManager.builder()
                        .config(config)
                        .settings(settings)
                        .launcher(new PrivilegedLauncher(Privilege.direct()))
                        .build());
        StringWriter err = new StringWriter();

        int code = Main.execute(
                context,
                new PrintWriter(new FullDevice(), true, StandardCharsets.UTF_8),
                new PrintWriter(err, true),
                "list",
                "--json");

        assertThat(code).isEqualTo(ExitCodes.IO);
        assertThat(err.toString()).contains("schedcp: the output could not be written to stdout");
    }

    @Test
    void aKnownLogLevelInAnyCaseIsTakenSilently() {
        StringWriter err = new StringWriter();

        Main.openLog(new SchedcpConfig(temp, Map.of("SCHEDCP_LOG_LEVEL", "DeBuG")), new PrintWriter(err, true));

        assertThat(err.toString()).isEmpty();
        assertThat(LogFile.level("DeBuG")).contains(org.slf4j.event.Level.DEBUG);
    }
}
