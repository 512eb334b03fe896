package io.schedcp.core.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tree of {@code PID/cgroup} files in a test's directory, as {@code /proc} holds them. */
final class ProcTree {

    private final Path root;

    ProcTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Process {@code pid} in the cgroup2 {@code path}. */
    ProcTree process(int pid, String path) {
        return file(pid, "0::" + path + "\n");
    }

    /** Process {@code pid} whose {@code cgroup} file is {@code text}. */
    ProcTree file(int pid, String text) {
        try {
            Path dir = Files.createDirectories(root.resolve(Integer.toString(pid)));
            Files.writeString(dir.resolve("cgroup"), text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entry that is no process, such as {@code self} or {@code sys}. */
    ProcTree other(String name) {
        try {
            Files.createDirectories(root.resolve(name));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
