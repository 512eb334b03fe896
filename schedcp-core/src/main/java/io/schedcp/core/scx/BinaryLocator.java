package io.schedcp.core.scx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds scheduler executables in order: the directories of {@code SCHEDCP_SCX_PATH}, then
 * {@code ~/.schedcp/scxbin}, then {@code PATH}. The first regular, executable file wins.
 */
public final class BinaryLocator {

    private final List<Path> searchPath;

    public BinaryLocator(List<Path> searchPath) {
        this.searchPath = List.copyOf(searchPath);
    }

    public static BinaryLocator of(List<Path> scxPath, Path home, List<Path> path) {
        List<Path> all = new ArrayList<>(scxPath);
        all.add(home.resolve("scxbin"));
        all.addAll(path);
        return new BinaryLocator(all);
    }

    public List<Path> searchPath() {
        return searchPath;
    }

    public Optional<Path> find(String binary) {
        for (Path dir : searchPath) {
            Path candidate = dir.resolve(binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
