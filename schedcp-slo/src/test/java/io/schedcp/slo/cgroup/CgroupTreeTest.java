package io.schedcp.slo.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.slo.config.SloConfig;
import io.schedcp.slo.config.SloConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over a fake cgroup2 tree: a directory holding cgroup.procs is a cgroup. */
class CgroupTreeTest {

    @TempDir
    Path dir;

    private Path mount;
    private CgroupTree tree;

    @BeforeEach
    void fakeTree() throws IOException {
        mount = cgroup(dir.resolve("cgroup"));
        cgroup(mount.resolve("lat"));
        cgroup(mount.resolve("batch"));
        cgroup(mount.resolve("system.slice/web.service"));
        Files.createDirectories(mount.resolve("plain"));
        Files.writeString(mount.resolve("cgroup.controllers"), "cpu\n");
        tree = new CgroupTree(mount);
    }

    @Test
    void resolvesARelativePathToTheCgroupAndItsInode() throws IOException {
        Cgroup lat = tree.resolve("lat");

        assertThat(lat.path()).isEqualTo(mount.resolve("lat").toRealPath());
        assertThat(lat.id()).isEqualTo(Files.getAttribute(mount.resolve("lat"), "unix:ino"));
    }

    @Test
    void resolvesAnAbsolutePathUnderTheMount() {
        Cgroup web = tree.resolve(mount.resolve("system.slice/web.service").toString());

        assertThat(web.path().getFileName()).hasToString("web.service");
    }

    @Test
    void givesEachCgroupItsOwnId() {
        assertThat(tree.resolve("lat").id()).isNotEqualTo(tree.resolve("batch").id());
    }

    @Test
    void refusesAPathThatClimbsOutOfTheMount() {
        assertRefused(
                "../..",
                "cgroup ../.. is outside the cgroup2 mount " + mount
                        + "; name a cgroup under it, by its absolute path or relative to it");
    }

    @Test
    void refusesAnAbsolutePathElsewhere() {
        assertRefused("/etc", "cgroup /etc is outside the cgroup2 mount " + mount);
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutOfTheMount() throws IOException {
        Path outside = cgroup(dir.resolve("elsewhere"));
        Files.createSymbolicLink(mount.resolve("link"), outside);

        assertRefused(
                "link",
                "cgroup link leads outside the cgroup2 mount " + mount + " (to " + outside.toRealPath()
                        + "); name a cgroup under it");
    }

    @Test
    void refusesAMissingCgroup() {
        assertRefused(
                "nope",
                "cgroup nope does not exist (there is no directory " + mount.resolve("nope")
                        + "); create the cgroup or correct the path");
    }

    @Test
    void refusesADirectoryThatIsNotACgroup() throws IOException {
        assertRefused(
                "plain",
                "cgroup plain is not a cgroup (" + mount.resolve("plain").toRealPath()
                        + " is not a directory with cgroup.procs)");
    }

    @Test
    void refusesAFileThatIsNotACgroup() {
        assertRefused("cgroup.controllers", "cgroup cgroup.controllers is not a cgroup");
    }

    @Test
    void refusesTheRootCgroupWhichHoldsEveryTask() {
        assertRefused(
                mount.toString(),
                "is the root cgroup, which holds every task; give tasks in no configured "
                        + "group their budget with default_budget_ms instead");
        assertRefused("lat/..", "is the root cgroup");
    }

    @Test
    void saysWhenThereIsNoMount() {
        SchedcpException refusal =
                catchThrowableOfType(SchedcpException.class, () -> new CgroupTree(dir.resolve("none")).resolve("lat"));

        assertThat(refusal.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(refusal.getMessage())
                .isEqualTo("there is no cgroup2 mount at " + dir.resolve("none") + ", so no cgroup can be configured");
    }

    @Test
    void resolvesEveryGroupOfAConfigInOrder() {
        SloConfig config = SloConfigReader.parse("""
                groups:
                  - {cgroup: batch, budget_ms: 50}
                  - {cgroup: lat, budget_ms: 2}
                """, "slo.yaml");

        List<ConfiguredGroup> groups = tree.resolve(config);

        assertThat(groups)
                .extracting(g -> g.cgroup().path().getFileName().toString())
                .containsExactly("batch", "lat");
        assertThat(groups.get(1).slo().budgetNs()).isEqualTo(2_000_000L);
    }

    @Test
    void refusesAMissingCgroupOfAConfigWithItsLine() {
        SloConfig config = SloConfigReader.parse("""
                groups:
                  - {cgroup: lat, budget_ms: 2}
                  - {cgroup: gone, budget_ms: 2}
                """, "slo.yaml");

        assertThat(refusal(() -> tree.resolve(config)).getMessage())
                .startsWith("slo.yaml line 3: cgroup gone does not exist");
    }

    @Test
    void refusesTwoGroupsThatNameOneCgroupByDifferentPaths() {
        SloConfig config = SloConfigReader.parse(
                "groups:\n  - {cgroup: lat, budget_ms: 2}\n" + "  - {cgroup: '" + mount.resolve("lat")
                        + "', budget_ms: 3}\n",
                "slo.yaml");

        assertThat(refusal(() -> tree.resolve(config)).getMessage())
                .isEqualTo("slo.yaml line 3: cgroup "
                        + mount.resolve("lat") + " is the same cgroup as lat on line 2 ("
                        + tree.resolve("lat").path()
                        + "); keep one of the two groups");
    }

    private void assertRefused(String path, String message) {
        SchedcpException refusal = refusal(() -> tree.resolve(path));

        assertThat(refusal.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(refusal.getMessage()).contains(message);
    }

    private static SchedcpException refusal(Runnable call) {
        return catchThrowableOfType(SchedcpException.class, call::run);
    }

    private static Path cgroup(Path path) throws IOException {
        Files.createDirectories(path);
        Files.writeString(path.resolve("cgroup.procs"), "");
        return path;
    }
}
