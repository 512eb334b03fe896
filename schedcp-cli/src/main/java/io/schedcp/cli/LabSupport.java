package io.schedcp.cli;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.lab.LabToolchain;
import java.nio.file.Path;
import java.util.Optional;

/** Where the lab's set-up is, for the lab commands. */
final class LabSupport {

    private LabSupport() {
    }

    static Path cacheDirectory(SchedcpConfig config) {
        return LabToolchain.cacheDirectory(config.environment(), Path.of(System.getProperty("user.home")));
    }

    static Optional<LabToolchain> toolchain(SchedcpConfig config) {
        return LabToolchain.load(cacheDirectory(config));
    }

    /** The directory of the schedcp launcher this JVM was started from, so the guest finds {@code schedcp}. */
    static Optional<Path> launcherDirectory() {
        String bin = System.getProperty("schedcp.bin");
        return bin == null || bin.isBlank() ? Optional.empty() : Optional.of(Path.of(bin));
    }
}
