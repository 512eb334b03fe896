package io.schedcp.cli;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.lab.LabToolchain;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Where the lab's set-up is, for the lab commands. */
final class LabSupport {

    private LabSupport() {}

    static Path cacheDirectory(SchedcpConfig config) {
        return LabToolchain.cacheDirectory(config.environment(), Path.of(System.getProperty("user.home")));
    }

    /** The context of the {@code schedcp} command a lab subcommand ({@code schedcp lab ...}) belongs to. */
    static CliContext context(CommandSpec labSubcommand) {
        return ((SchedcpCommand) labSubcommand.parent().parent().userObject()).context();
    }

    /** The directory of the schedcp launcher this JVM was started from, so the guest finds {@code schedcp}. */
    static Optional<Path> launcherDirectory() {
        String bin = System.getProperty("schedcp.bin");
        return bin == null || bin.isBlank() ? Optional.empty() : Optional.of(Path.of(bin));
    }
}
