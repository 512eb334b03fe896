package io.schedcp.slo.cgroup;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A cgroup found under the cgroup2 mount.
 *
 * @param path its directory, with symbolic links resolved
 * @param id   the directory's inode number: the id the kernel gives the cgroup ({@code kn->id}), which scx_slo
 *             looks up in {@code cfg_map}
 */
public record Cgroup(Path path, long id) {

    public Cgroup {
        Objects.requireNonNull(path, "path");
    }
}
