package io.schedcp.slo.cgroup;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.slo.config.SloConfig;
import io.schedcp.slo.config.SloGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cgroup2 hierarchy under its mount ({@code /sys/fs/cgroup} unless told otherwise): turns the paths a
 * config names into cgroups and their ids. A cgroup is a directory holding {@code cgroup.procs}. A path is
 * refused when it is outside the mount (also through a symbolic link), missing, not a cgroup, or the root
 * cgroup itself: every task is in the root's subtree, so configuring it would leave no task unconfigured.
 */
public final class CgroupTree {

    public static final Path DEFAULT_MOUNT = Path.of("/sys/fs/cgroup");

    private final Path mount;

    /** @param mount where cgroup2 is mounted; a test gives a directory of its own */
    public CgroupTree(Path mount) {
        this.mount = Objects.requireNonNull(mount, "mount").toAbsolutePath().normalize();
    }

    public static CgroupTree system() {
        return new CgroupTree(DEFAULT_MOUNT);
    }

    public Path mount() {
        return mount;
    }

    /**
     * The cgroups of every group of {@code config}, in its order.
     *
     * @throws SchedcpException INVALID_INPUT for the first group whose path is refused, or that names the same
     *                          cgroup as an earlier one by another path; the message starts with the group's
     *                          file and line
     */
    public List<ConfiguredGroup> resolve(SloConfig config) {
        Path root = realMount();
        List<ConfiguredGroup> resolved = new ArrayList<>();
        Map<Long, SloGroup> byId = new HashMap<>();
        for (SloGroup group : config.groups()) {
            Cgroup cgroup = resolve(root, group.cgroup(), group.messagePrefix());
            SloGroup first = byId.putIfAbsent(cgroup.id(), group);
            if (first != null) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        group.messagePrefix() + "cgroup " + group.cgroup()
                                + " is the same cgroup as " + first.cgroup()
                                + first.origin()
                                        .map(o -> " on line " + o.line())
                                        .orElse("") + " (" + cgroup.path() + "); keep one of the two groups");
            }
            resolved.add(new ConfiguredGroup(group, cgroup));
        }
        return List.copyOf(resolved);
    }

    /**
     * The cgroup {@code path} names: absolute under the mount, or relative to it.
     *
     * @throws SchedcpException INVALID_INPUT when it is refused (see the class); UNAVAILABLE when the mount is
     *                          not there
     */
    public Cgroup resolve(String path) {
        return resolve(realMount(), path, "");
    }

    private Cgroup resolve(Path root, String path, String prefix) {
        Path asked;
        try {
            asked = Path.of(path);
        } catch (InvalidPathException e) {
            throw refusal(
                    prefix, "cgroup " + path + " is not a path (" + e.getReason() + "); name a cgroup under " + mount);
        }
        Path candidate = (asked.isAbsolute() ? asked : mount.resolve(asked)).normalize();
        if (!candidate.startsWith(mount)) {
            throw refusal(
                    prefix,
                    "cgroup " + path + " is outside the cgroup2 mount " + mount
                            + "; name a cgroup under it, by its absolute path or relative to it");
        }
        if (!Files.exists(candidate)) {
            throw refusal(
                    prefix,
                    "cgroup " + path + " does not exist (there is no directory " + candidate
                            + "); create the cgroup or correct the path");
        }
        Path real = realPath(candidate);
        if (!real.startsWith(root)) {
            throw refusal(
                    prefix,
                    "cgroup " + path + " leads outside the cgroup2 mount " + mount + " (to " + real
                            + "); name a cgroup under it");
        }
        if (real.equals(root)) {
            throw refusal(
                    prefix,
                    "cgroup " + path + " is the root cgroup, which holds every task; give tasks in "
                            + "no configured group their budget with default_budget_ms instead");
        }
        if (!Files.isDirectory(real) || !Files.isRegularFile(real.resolve("cgroup.procs"))) {
            throw refusal(
                    prefix,
                    "cgroup " + path + " is not a cgroup (" + real + " is not a directory with "
                            + "cgroup.procs); name a cgroup under " + mount);
        }
        return new Cgroup(real, inode(real));
    }

    private Path realMount() {
        if (!Files.isDirectory(mount)) {
            throw new SchedcpException(
                    Kind.UNAVAILABLE, "there is no cgroup2 mount at " + mount + ", so no cgroup can be configured");
        }
        return realPath(mount);
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new SchedcpException(Kind.IO, "could not resolve " + path + ": " + e.getMessage(), e);
        }
    }

    private static long inode(Path directory) {
        try {
            return (Long) Files.getAttribute(directory, "unix:ino");
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO, "could not read the inode number of " + directory + ": " + e.getMessage(), e);
        }
    }

    private static SchedcpException refusal(String prefix, String problem) {
        return new SchedcpException(Kind.INVALID_INPUT, prefix + problem);
    }
}
