package io.schedcp.userspace.strategy;

import static io.schedcp.userspace.strategy.StrategiesPolicyTest.inode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupPathsTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path root;

    private final AtomicLong clock = new AtomicLong(10 * SECOND);

    @Test
    void aCgroupIsFoundByTheInodeNumberOfItsDirectory() throws Exception {
        Path pod = Files.createDirectories(root.resolve("kubepods/burstable/pod-1"));
        CgroupPaths paths = new CgroupPaths(root, clock::get, SECOND);

        assertThat(paths.path(inode(pod))).contains("kubepods/burstable/pod-1");
        assertThat(paths.path(inode(root))).contains("");
        assertThat(paths.walks()).isEqualTo(1);
    }

    @Test
    void aKnownIdIsAnsweredFromTheCache() throws Exception {
        Path a = Files.createDirectories(root.resolve("a"));
        CgroupPaths paths = new CgroupPaths(root, clock::get, SECOND);
        paths.path(inode(a));
        clock.addAndGet(10 * SECOND);

        assertThat(paths.path(inode(a))).contains("a");
        assertThat(paths.walks()).isEqualTo(1);
    }

    @Test
    void anUnknownIdCausesAtMostOneWalkPerInterval() throws Exception {
        CgroupPaths paths = new CgroupPaths(root, clock::get, SECOND);
        paths.path(inode(root));
        Path late = Files.createDirectories(root.resolve("created-later"));

        assertThat(paths.path(inode(late))).isEmpty();
        assertThat(paths.walks()).isEqualTo(1);

        clock.addAndGet(SECOND);

        assertThat(paths.path(inode(late))).contains("created-later");
        assertThat(paths.walks()).isEqualTo(2);
    }

    @Test
    void aMissingRootFindsNothing() {
        CgroupPaths paths = new CgroupPaths(root.resolve("absent"), clock::get, SECOND);

        assertThat(paths.path(1)).isEmpty();
    }
}
