package io.schedcp.core.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The captured proc and sysfs directories of src/test/resources/io/schedcp/core/monitor (see its README.md). */
final class Fixtures {

    private Fixtures() {}

    /** The fixture directory {@code name}, such as {@code lab} or {@code broken}. */
    static Path dir(String name) {
        try {
            Path root = Path.of(Fixtures.class.getResource("README.md").toURI()).getParent();
            Path dir = root.resolve(name);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("no fixture directory " + dir);
            }
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name, String file) {
        try {
            return Files.readString(dir(name).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
