package io.schedcp.slo.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells when the config file was edited, by its modification time, size and inode (an editor that writes a new
 * file and renames it over the old changes the inode). Polled: it works on every file system, also one that
 * sends no change events (a virtiofs share, NFS).
 */
final class ConfigFileWatch {

    private record Stamp(FileTime modified, long size, Object key) {}

    private final Path file;
    private Optional<Stamp> seen;

    ConfigFileWatch(Path file) {
        this.file = file;
        this.seen = stamp();
    }

    /** Whether the file differs from when this was made, or from the last call that said so. */
    boolean changed() {
        Optional<Stamp> now = stamp();
        if (Objects.equals(now, seen)) {
            return false;
        }
        seen = now;
        return true;
    }

    private Optional<Stamp> stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey()));
        } catch (IOException e) {
            // Gone for a moment (an editor's rename) or for good: either way not a config to apply now.
            return Optional.empty();
        }
    }
}
