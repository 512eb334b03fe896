package io.schedcp.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabToolchainTest {

    @TempDir
    Path cache;

    @Test
    void noManifestMeansNotSetUp() {
        assertThat(LabToolchain.load(cache)).isEmpty();
    }

    @Test
    void theCacheDirectoryFollowsSchedcpCache() {
        assertThat(LabToolchain.cacheDirectory(Map.of("SCHEDCP_CACHE", "/var/cache/x"), Path.of("/home/me")))
                .isEqualTo(Path.of("/var/cache/x"));
        assertThat(LabToolchain.cacheDirectory(Map.of(), Path.of("/home/me")))
                .isEqualTo(Path.of("/home/me/.cache/schedcp"));
    }

    @Test
    void missingNamesEveryAbsentPieceWithItsPath() throws Exception {
        Path qemu = executable("qemu-system-x86_64");
        Path bin = Files.createDirectories(cache.resolve("scxbin"));
        Files.createDirectories(cache.resolve("lab"));
        Files.writeString(
                LabToolchain.manifestIn(cache),
                String.join(
                                "\n",
                                "kernel_version=7.3.4+deb13-cloud-amd64",
                                "vmlinuz=" + cache.resolve("vmlinuz"),
                                "qemu=" + qemu,
                                "virtiofsd=" + cache.resolve("virtiofsd"),
                                "vmlinux_h=" + cache.resolve("vmlinux.h"),
                                "scxbin=" + bin,
                                "built=scx_simple scx_qmap")
                        + "\n");
        Files.writeString(cache.resolve("vmlinux.h"), "struct sched_ext_ops {};");
        executable("scxbin/scx_simple");

        LabToolchain toolchain = LabToolchain.load(cache).orElseThrow();

        assertThat(toolchain.kernelVersion()).isEqualTo("7.3.4+deb13-cloud-amd64");
        assertThat(toolchain.builtSchedulers()).containsExactly("scx_simple", "scx_qmap");
        assertThat(toolchain.missing())
                .containsExactlyInAnyOrder(
                        "the sched_ext kernel image (" + cache.resolve("vmlinuz") + ") is missing",
                        "virtiofsd (" + cache.resolve("virtiofsd") + ") is missing or not executable",
                        "the reference scheduler scx_qmap (" + bin.resolve("scx_qmap")
                                + ") is missing or not executable");
    }

    private Path executable(String name) throws Exception {
        Path file = cache.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
