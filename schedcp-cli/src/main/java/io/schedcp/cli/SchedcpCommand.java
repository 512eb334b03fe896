package io.schedcp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;

/** The top command: only subcommands, {@code --help} and {@code --version}. */
@Command(
        name = "schedcp",
        mixinStandardHelpOptions = true,
        versionProvider = SchedcpCommand.Version.class,
        description = {
            "Pick, run and watch Linux sched_ext CPU schedulers.",
            "",
            "Data lives in ~/.schedcp (SCHEDCP_HOME overrides); actions are logged to its schedcp.log.",
            "Loading a scheduler needs root: run as root, with passwordless sudo, or set SCHEDCP_SUDO_PASSWORD."
        },
        subcommands = {
            ListCommand.class,
            ShowCommand.class,
            RunCommand.class,
            StopCommand.class,
            StatusCommand.class,
            CreateCommand.class,
            VerifyCommand.class,
            CreateAndRunCommand.class,
            RemoveCommand.class,
            MonitorCommand.class,
            WorkloadCommand.class,
            SloCommand.class,
            PolicyCommand.class,
            RecommendCommand.class,
            BenchCommand.class,
            LabCommand.class,
            McpCommand.class,
            DaemonCommand.class,
            HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 ok, 2 usage, 3 unknown name, 4 unavailable, 5 no sched_ext, 6 no root,",
            "7 start failed, 8 ejected or died, 9 stop failed, 10 I/O error, 11 source or verification rejected,",
            "1 internal error (see docs/cli.md)."
        })
public final class SchedcpCommand {

    private final CliContext context;

    SchedcpCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    /** The version from the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {
                "schedcp " + read(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
            };
        }

        /** The version alone, such as {@code 0.1.0-SNAPSHOT}; {@code unknown} when it cannot be read. */
        static String number() {
            try {
                return read();
            } catch (IOException e) {
                return "unknown";
            }
        }

        private static String read() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = SchedcpCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
