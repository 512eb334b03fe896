package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.mode.Mode;
import io.schedcp.daemon.supervise.RestartPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DaemonCommandTest {

    private static final String CONFIG = """
            socket: /run/schedcp/daemon.sock
            listen: 127.0.0.1:8787
            restart:
              max_restarts: 3
              initial_backoff_ms: 500
              max_backoff_ms: 8000
            mode: gaming
            modes:
              server: {scheduler: scx_bpfland, args: [--local-pcpu]}
            """;

    @TempDir
    Path temp;

    @Test
    void aBadConfigFileExitsWithStatus2AndItsLineWithoutAStackTrace() throws IOException {
        CliFixture fixture = new CliFixture(temp);
        Path file = Files.writeString(temp.resolve("daemon.yaml"), "mode: gaming\nrestart: {max_restarts: five}\n");

        CliFixture.Result result = fixture.run("daemon", "--config", file.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains(file + " line 2: max_restarts must be a whole number from 0 to 1000, not \"five\"")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(fixture.home.resolve(DaemonSettings.SOCKET_FILE)).doesNotExist();
    }

    @Test
    void aStartModeWhoseSchedulerIsNotInstalledStopsTheStartWithTheReason() throws IOException {
        CliFixture fixture = new CliFixture(temp);
        Path file = Files.writeString(temp.resolve("daemon.yaml"), "mode: powersave\n");

        CliFixture.Result result = fixture.run("daemon", "--config", file.toString());

        assertThat(result.code()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.err()).contains("mode powersave runs scx_lavd, which cannot run here");
        assertThat(fixture.home.resolve(DaemonSettings.SOCKET_FILE)).doesNotExist();
    }

    @Test
    void theFileGivesTheSettingsWhereNoFlagIsGiven() throws IOException {
        Path file = Files.writeString(temp.resolve("daemon.yaml"), CONFIG);

        DaemonSettings settings = parsed("--config", file.toString()).settings(temp);

        assertThat(settings.socket()).isEqualTo(Path.of("/run/schedcp/daemon.sock"));
        assertThat(settings.listen()).map(InetSocketAddress::getPort).contains(8787);
        assertThat(settings.restart()).isEqualTo(new RestartPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8)));
        assertThat(settings.startMode()).contains(Mode.GAMING);
        assertThat(settings.modes().setting(Mode.SERVER).commandLine()).isEqualTo("scx_bpfland --local-pcpu");
    }

    @Test
    void theFlagsOverrideTheFile() throws IOException {
        Path file = Files.writeString(temp.resolve("daemon.yaml"), CONFIG);

        DaemonSettings settings = parsed(
                        "--config", file.toString(),
                        "--socket", temp.resolve("d.sock").toString(),
                        "--listen", "127.0.0.1:9999",
                        "--max-restarts", "1",
                        "--backoff-ms", "20000",
                        "--mode", "none")
                .settings(temp);

        assertThat(settings.socket()).isEqualTo(temp.resolve("d.sock"));
        assertThat(settings.listen()).map(InetSocketAddress::getPort).contains(9999);
        assertThat(settings.restart()).isEqualTo(new RestartPolicy(1, Duration.ofSeconds(20), Duration.ofSeconds(20)));
        assertThat(settings.startMode()).isEmpty();
        assertThat(settings.modes().setting(Mode.SERVER).scheduler()).isEqualTo("scx_bpfland");
    }

    @Test
    void withoutAFileTheDefaultsHoldAndModeRunsTheModeAsked() {
        DaemonSettings settings = parsed("--mode", "lowlatency").settings(temp);

        assertThat(settings.restart()).isEqualTo(RestartPolicy.DEFAULT);
        assertThat(settings.socket()).isEqualTo(temp.resolve(DaemonSettings.SOCKET_FILE));
        assertThat(settings.startMode()).contains(Mode.LOWLATENCY);
    }

    private static DaemonCommand parsed(String... args) {
        DaemonCommand command = new DaemonCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
