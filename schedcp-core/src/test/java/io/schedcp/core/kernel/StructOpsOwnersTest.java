package io.schedcp.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over a fake /proc laid out as the lab kernel showed it for scx_simple. */
class StructOpsOwnersTest {

    @TempDir
    Path proc;

    private void process(long pid, String comm, String... fds) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.createDirectories(dir.resolve("fd"));
        Files.createDirectories(dir.resolve("fdinfo"));
        for (int i = 0; i < fds.length; i += 2) {
            String fd = Integer.toString(10 + i);
            Files.createSymbolicLink(dir.resolve("fd").resolve(fd), Path.of(fds[i]));
            Files.writeString(dir.resolve("fdinfo").resolve(fd), "pos:\t0\nflags:\t02000002\n" + fds[i + 1]);
        }
    }

    @Test
    void findsTheHolderOfAStructOpsLinkOnly() throws Exception {
        process(
                126,
                "scx_simple",
                "anon_inode:bpf-prog",
                "prog_type:\t27\n",
                "anon_inode:bpf_link",
                "link_type:\ttracing\nlink_id:\t1\n",
                "anon_inode:bpf_link",
                "link_type:\tstruct_ops\nlink_id:\t2\nmap_id:\t29\n");
        process(200, "tracer", "anon_inode:bpf_link", "link_type:\ttracing\nlink_id:\t3\n");
        process(300, "bash", "/dev/null", "");
        Files.createDirectories(proc.resolve("self"));

        assertThat(new StructOpsOwners(proc).find()).containsExactly(new StructOpsOwners.Owner(126, "scx_simple"));
    }

    @Test
    void aProcWithoutHoldersFindsNone() throws Exception {
        process(1, "init", "/dev/console", "");

        assertThat(new StructOpsOwners(proc).find()).isEmpty();
    }
}
