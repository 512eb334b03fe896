package io.schedcp.daemon.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's packaging/ directory, found from the module directory that the tests run in. */
final class PackagingFiles {

    private PackagingFiles() {}

    /** {@code packaging/} of the project whose module directory is the working directory. */
    static Path root() {
        Path packaging = Path.of("..").toAbsolutePath().normalize().resolve("packaging");
        assertThat(packaging)
                .as("packaging/ beside schedcp-daemon: run the tests from the module directory, as Maven does")
                .isDirectory();
        return packaging;
    }

    static Path systemd(String file) {
        return existing(root().resolve("systemd").resolve(file));
    }

    static Path kubernetes(String file) {
        return existing(root().resolve("kubernetes").resolve(file));
    }

    private static Path existing(Path file) {
        assertThat(Files.isRegularFile(file)).as(file + " exists").isTrue();
        return file;
    }
}
