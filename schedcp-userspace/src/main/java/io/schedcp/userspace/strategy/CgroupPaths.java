package io.schedcp.userspace.strategy;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of a cgroup from its id, which in cgroup2 is the inode number of its directory. It walks the hierarchy
 * once and keeps what it found; an id it does not know (a cgroup created since) makes it walk again, but at most
 * once per refresh interval, so a task in a cgroup that vanished costs one walk a second, not one per decision.
 * Not thread-safe: the policy thread owns it. A walk allocates.
 */
public final class CgroupPaths {

    /** Where cgroup2 is mounted. */
    public static final Path DEFAULT_ROOT = Path.of("/sys/fs/cgroup");

    private static final Logger LOG = LoggerFactory.getLogger(CgroupPaths.class);
    private static final long DEFAULT_REFRESH_NS = 1_000_000_000L;

    private final Path root;
    private final LongSupplier clock;
    private final long refreshNs;
    private final Map<Long, String> paths = new HashMap<>();
    private boolean walked;
    private long walkedAt;
    private int walks;

    /**
     * @param root the cgroup2 mount; a test gives a directory tree of its own
     * @param clock nanoseconds, for the refresh interval
     * @param refreshNs how long after a walk an unknown id may cause the next
     */
    public CgroupPaths(Path root, LongSupplier clock, long refreshNs) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        if (refreshNs < 0) {
            throw new IllegalArgumentException("the refresh interval is at least 0 ns, not " + refreshNs);
        }
        this.refreshNs = refreshNs;
    }

    /** The cgroups under {@code root}, walked again at most once a second. */
    public static CgroupPaths under(Path root) {
        return new CgroupPaths(root, System::nanoTime, DEFAULT_REFRESH_NS);
    }

    /** The machine's cgroups, under {@link #DEFAULT_ROOT}. */
    public static CgroupPaths system() {
        return under(DEFAULT_ROOT);
    }

    public Path root() {
        return root;
    }

    /**
     * The path of cgroup {@code id} relative to the root, with {@code /} between names ({@code kubepods/pod-x});
     * empty for the root itself. Empty when no cgroup has that id, even after a walk.
     */
    public Optional<String> path(long id) {
        String path = paths.get(id);
        if (path == null && (!walked || clock.getAsLong() - walkedAt >= refreshNs)) {
            walk();
            path = paths.get(id);
        }
        return Optional.ofNullable(path);
    }

    /** How many times the hierarchy was walked: for tests of the refresh rule. */
    public int walks() {
        return walks;
    }

    private void walk() {
        walked = true;
        walkedAt = clock.getAsLong();
        walks++;
        paths.clear();
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    try {
                        paths.put(
                                (Long) Files.getAttribute(dir, "unix:ino"),
                                root.relativize(dir).toString().replace('\\', '/'));
                    } catch (IOException | UnsupportedOperationException e) {
                        LOG.debug("cgroup {} has no inode number to read, so no id: {}", dir, e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }

                // A cgroup removed while the walk runs is no cgroup of a running task.
                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // What was found before the failure stays; the next miss after the interval tries again.
            LOG.debug("the walk of the cgroups under {} stopped early: {}", root, e.toString());
        }
    }
}
