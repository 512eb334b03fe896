package io.schedcp.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextInputTest {

    @TempDir
    Path temp;

    private static void assertInvalid(Runnable read, String message) {
        assertThatThrownBy(read::run)
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining(message);
    }

    @Test
    void aFileWithinTheLimitIsReadAsUtf8() throws IOException {
        Path file = Files.writeString(temp.resolve("s.json"), "{\"ops\": \"süß\"}");

        assertThat(TextInput.read(file, "monitor summary", 64)).isEqualTo("{\"ops\": \"süß\"}");
    }

    @Test
    void anEndlessDeviceIsRefusedNamingTheLimitInsteadOfFillingMemory() {
        assertInvalid(
                () -> TextInput.read(Path.of("/dev/zero"), "monitor summary", 1 << 20),
                "the monitor summary file /dev/zero is over 1 MiB, the most schedcp reads");
    }

    @Test
    void aFileOneByteOverTheLimitIsRefused() throws IOException {
        Path file = Files.write(temp.resolve("big.json"), new byte[1025]);

        assertInvalid(() -> TextInput.read(file, "monitor summary", 1024), "is over 1 KiB");
    }

    @Test
    void aDirectoryIsRefusedAsADirectory() {
        assertInvalid(() -> TextInput.readRegular(temp, "source", 1024), temp + " is a directory, not a source file");
    }

    @Test
    void aDeviceNodeIsRefusedWhereARegularFileIsNeeded() {
        assertInvalid(
                () -> TextInput.readRegular(Path.of("/dev/null"), "source", 1024),
                "/dev/null is not a regular file (it is a device node, FIFO or socket)");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAsNotText() throws IOException {
        Path file = Files.write(temp.resolve("fifo.bpf.c"), new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xff, 0});

        assertInvalid(() -> TextInput.readRegular(file, "source", 1024), file + " is not UTF-8 text");
    }

    @Test
    void aMissingFileIsNotFound() {
        Path missing = temp.resolve("absent.json");

        assertThatThrownBy(() -> TextInput.read(missing, "monitor summary", 1024))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessage("no such monitor summary file: " + missing);
    }
}
