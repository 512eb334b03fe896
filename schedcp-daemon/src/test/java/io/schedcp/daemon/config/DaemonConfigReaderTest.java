package io.schedcp.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.mode.Mode;
import io.schedcp.daemon.mode.ModeSetting;
import io.schedcp.daemon.mode.ModeTable;
import io.schedcp.daemon.supervise.RestartPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaemonConfigReaderTest {

    private static final String BRIEF_EXAMPLE = """
            socket: /run/schedcp/daemon.sock        # optional; default $SCHEDCP_HOME/daemon.sock
            listen: 127.0.0.1:8787                  # optional
            restart:
              max_restarts: 5                       # optional, defaults as RestartPolicy.DEFAULT
              initial_backoff_ms: 1000
              max_backoff_ms: 30000
            mode: auto                              # optional: the mode to run at start
            modes:                                  # optional: override the built-in defaults per mode
              gaming: {scheduler: scx_lavd, args: ["--performance"]}
            """;

    @Test
    void readsEveryKeyOfAGoodFile() {
        DaemonConfig config = DaemonConfigReader.parse(BRIEF_EXAMPLE, "daemon.yaml");

        assertThat(config.socket()).contains(Path.of("/run/schedcp/daemon.sock"));
        assertThat(config.listen()).map(InetSocketAddress::getHostString).contains("127.0.0.1");
        assertThat(config.listen()).map(InetSocketAddress::getPort).contains(8787);
        assertThat(config.restart()).isEqualTo(RestartPolicy.DEFAULT);
        assertThat(config.startMode()).contains(Mode.AUTO);
        assertThat(config.modes()).containsOnlyKeys(Mode.GAMING);
        assertThat(config.modes().get(Mode.GAMING))
                .isEqualTo(new ModeSetting("scx_lavd", List.of("--performance"), true));
    }

    @Test
    void makesTheSettingsOfTheDaemonWithTheFileInPlaceOfTheDefaults(@TempDir Path home) {
        DaemonSettings settings = DaemonConfigReader.parse("""
                        restart: {max_restarts: 2, initial_backoff_ms: 250, max_backoff_ms: 4000}
                        mode: gaming
                        modes:
                          server: {scheduler: scx_bpfland, args: [--local-pcpu]}
                        """, "daemon.yaml").settings(home);

        assertThat(settings.home()).isEqualTo(home);
        assertThat(settings.socket()).isEqualTo(home.resolve(DaemonSettings.SOCKET_FILE));
        assertThat(settings.listen()).isEmpty();
        assertThat(settings.restart()).isEqualTo(new RestartPolicy(2, Duration.ofMillis(250), Duration.ofMillis(4000)));
        assertThat(settings.startMode()).contains(Mode.GAMING);
        assertThat(settings.modes().setting(Mode.SERVER).commandLine()).isEqualTo("scx_bpfland --local-pcpu");
        assertThat(settings.modes().setting(Mode.GAMING))
                .isEqualTo(ModeTable.defaults().setting(Mode.GAMING));
    }

    @Test
    void readsTheCompleteExampleOfTheDocs() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "daemon.md"));
        int section = doc.indexOf("## Config and modes");
        int start = doc.indexOf("```yaml\n", section) + 8;
        String yaml = doc.substring(start, doc.indexOf("```", start));

        DaemonConfig config = DaemonConfigReader.parse(yaml, "daemon.md");

        assertThat(section).isNotNegative();
        assertThat(config.startMode()).contains(Mode.AUTO);
        assertThat(config.modes()).containsKeys(Mode.GAMING, Mode.SERVER);
    }

    @Test
    void anEmptyFileOrOneOfCommentsTakesEveryDefault() {
        assertThat(DaemonConfigReader.parse("", "daemon.yaml")).isEqualTo(DaemonConfig.empty());
        assertThat(DaemonConfigReader.parse("# nothing yet\n", "daemon.yaml")).isEqualTo(DaemonConfig.empty());
    }

    @Test
    void aModeWithArgsAloneKeepsItsBuiltInScheduler() {
        DaemonConfig config = DaemonConfigReader.parse("""
                modes:
                  powersave:
                    args: [--powersave, --slice-max-us, 3000]
                """, "daemon.yaml");

        assertThat(config.modes().get(Mode.POWERSAVE))
                .isEqualTo(new ModeSetting("scx_lavd", List.of("--powersave", "--slice-max-us", "3000"), true));
    }

    @Test
    void aModeWithAnotherSchedulerAndNoArgsRunsItWithNone() {
        DaemonConfig config = DaemonConfigReader.parse("modes:\n  gaming: {scheduler: scx_rusty}\n", "daemon.yaml");

        assertThat(config.modes().get(Mode.GAMING)).isEqualTo(new ModeSetting("scx_rusty", List.of(), true));
    }

    @Test
    void modeNoneRunsNothingAtStart() {
        assertThat(DaemonConfigReader.parse("mode: none\n", "daemon.yaml").startMode())
                .isEmpty();
    }

    @Test
    void aBackoffBeyondTheDefaultMaximumRaisesTheMaximumWithIt() {
        RestartPolicy policy = DaemonConfigReader.parse("restart:\n  initial_backoff_ms: 60000\n", "daemon.yaml")
                .restart();

        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.maxRestarts()).isEqualTo(RestartPolicy.DEFAULT.maxRestarts());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown key                 | mode: auto\\nsokcet: /run/x.sock                | 2 | unknown key sokcet in the file; the keys there are socket, listen, restart, mode and modes
            an unknown restart key         | restart:\\n  max_restart: 3                     | 2 | unknown key max_restart in restart; the keys there are max_restarts, initial_backoff_ms and max_backoff_ms
            a key twice                    | mode: auto\\nmode: gaming                       | 2 | mode appears twice in the same mapping (first on line 1); keep one
            a count as text                | restart:\\n  max_restarts: five                 | 2 | max_restarts must be a whole number from 0 to 1000, not "five"
            a negative count               | restart:\\n  max_restarts: -1                   | 2 | max_restarts must be a whole number from 0 to 1000, not -1
            a fractional backoff           | restart:\\n  initial_backoff_ms: 1.5            | 2 | initial_backoff_ms must be a whole number from 0 to 3600000, not 1.5
            a maximum below the initial    | restart:\\n  initial_backoff_ms: 5000\\n  max_backoff_ms: 100 | 3 | max_backoff_ms 100 is below initial_backoff_ms 5000
            restart as a number            | restart: 5                                      | 1 | restart must be a mapping of max_restarts, initial_backoff_ms and max_backoff_ms, not 5
            a relative socket              | socket: daemon.sock                             | 1 | socket must be an absolute path, such as /run/schedcp/daemon.sock, not daemon.sock
            a socket as a number           | socket: 8787                                    | 1 | socket must be the absolute path of the Unix socket, such as /run/schedcp/daemon.sock, not 8787
            a listen without a port        | \\nlisten: 127.0.0.1                             | 2 | listen 127.0.0.1 is not HOST:PORT; give HOST:PORT, such as 127.0.0.1:8787
            a listen port out of range     | listen: 127.0.0.1:70000                         | 1 | listen 127.0.0.1:70000: the port must be from 0 to 65535
            an unknown start mode          | mode: turbo                                     | 1 | mode: no mode is named turbo; the modes are auto, gaming, lowlatency, powersave, server, or none
            a start mode with no value     | mode:                                           | 1 | mode has no value; it must be one of auto, gaming, lowlatency, powersave, server, or none to run no scheduler at start, or leave the key out
            an unknown mode in modes       | modes:\\n  gamer: {scheduler: scx_lavd}          | 2 | modes: no mode is named gamer; the modes are auto, gaming, lowlatency, powersave, server
            a mode as a string             | modes:\\n  gaming: scx_lavd                      | 2 | modes.gaming must be a mapping such as {scheduler: scx_lavd, args: ["--performance"]}, not "scx_lavd"
            an unknown key in a mode       | modes:\\n  gaming:\\n    scheduler: scx_lavd\\n    flags: [-v] | 4 | unknown key flags in modes.gaming; the keys there are scheduler and args
            a mode that sets nothing       | modes:\\n  gaming: {}                            | 2 | modes.gaming sets nothing; give its scheduler, its args, or both
            args as a string               | modes:\\n  gaming:\\n    args: --performance      | 3 | modes.gaming.args must be a list of the scheduler's flags, such as ["--slice-us", "5000"], not "--performance"
            a mapping in args              | modes:\\n  gaming:\\n    args: [--performance, {a: 1}] | 3 | modes.gaming.args must be a list of the scheduler's flags, such as ["--slice-us", "5000"]; item 2 is a mapping
            a boolean in args              | modes:\\n  gaming:\\n    args: [--ppid-targeting, true] | 3 | item 2 is true (quote it: "true")
            a scheduler as a number        | modes:\\n  gaming: {scheduler: 5}                | 2 | modes.gaming.scheduler must name a scheduler, such as scx_lavd or scx:scx_lavd, not 5
            a list at the top              | - mode: auto                                    | 1 | the file must be a mapping of socket, listen, restart, mode and modes, not a list
            a second document              | mode: auto\\n---\\nmode: gaming                   | 3 | a second YAML document begins here; keep one document (remove the ---)
            """)
    void refusesWithTheFileTheLineAndTheFix(String what, String yaml, int line, String message) {
        SchedcpException refused = catchThrowableOfType(
                SchedcpException.class, () -> DaemonConfigReader.parse(yaml.replace("\\n", "\n"), "daemon.yaml"));

        assertThat(refused).as(what).isNotNull();
        assertThat(refused.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(refused.getMessage())
                .startsWith("daemon.yaml line " + line + ": ")
                .contains(message);
    }

    @Test
    void refusesYamlThatDoesNotParseWithItsLine() {
        SchedcpException refused = catchThrowableOfType(
                SchedcpException.class,
                () -> DaemonConfigReader.parse("mode: auto\nrestart:\n\tmax_restarts: 1\n", "daemon.yaml"));

        assertThat(refused.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(refused.getMessage())
                .startsWith("daemon.yaml line 3: is not valid YAML: ")
                .endsWith("check the indentation (spaces, no tabs) and the colons");
    }

    @Test
    void readsAFileAndNamesItInItsRefusals(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("daemon.yaml"), "mode: gaming\nmodes: [gaming]\n");

        SchedcpException refused = catchThrowableOfType(SchedcpException.class, () -> DaemonConfigReader.read(file));

        assertThat(refused.getMessage()).startsWith(file + " line 2: modes must be a mapping of mode names");
    }

    @Test
    void aMissingFileIsNotFound(@TempDir Path dir) {
        SchedcpException refused =
                catchThrowableOfType(SchedcpException.class, () -> DaemonConfigReader.read(dir.resolve("absent.yaml")));

        assertThat(refused.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(refused.getMessage()).contains("absent.yaml");
    }

    @Test
    void theReadSettingsReachTheDaemonUnchangedWhenNothingIsGiven(@TempDir Path home) {
        assertThat(DaemonConfig.empty().settings(home)).isEqualTo(DaemonSettings.defaults(home));
        assertThat(DaemonSettings.defaults(home).startMode()).isEqualTo(Optional.empty());
    }
}
