package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where JNA unpacks its native stub when the JVM's temp directory is read-only (the lab guest's /tmp). */
class JnaTempDirectoryTest {

    @TempDir
    Path temp;

    private Path unwritable() throws Exception {
        return Files.writeString(temp.resolve("a-file"), "x").resolve("tmp");
    }

    @Test
    void aWritableJavaTempDirectoryIsLeftAlone() {
        assertThat(Libbpf.jnaTempDirectory(Optional.empty(), temp, Optional.of(temp.resolve("t")), temp))
                .isEmpty();
    }

    @Test
    void anExplicitJnaTmpdirIsLeftAlone() throws Exception {
        assertThat(Libbpf.jnaTempDirectory(Optional.of("/x"), unwritable(), Optional.empty(), temp))
                .isEmpty();
    }

    @Test
    void aReadOnlyJavaTempDirectoryFallsBackToTmpdir() throws Exception {
        Path tmpdir = temp.resolve("run/tmp");

        assertThat(Libbpf.jnaTempDirectory(Optional.empty(), unwritable(), Optional.of(tmpdir), temp.resolve("home")))
                .contains(tmpdir);
        assertThat(tmpdir).isDirectory();
    }

    @Test
    void withoutAUsableTmpdirSchedcpsHomeServes() throws Exception {
        Path home = temp.resolve("home");

        assertThat(Libbpf.jnaTempDirectory(Optional.empty(), unwritable(), Optional.of(unwritable()), home))
                .contains(home.resolve("tmp"));
    }
}
