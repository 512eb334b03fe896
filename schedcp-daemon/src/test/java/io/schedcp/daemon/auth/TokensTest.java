package io.schedcp.daemon.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's two tokens: made once, private to their owner, and what each header value allows. */
class TokensTest {

    private static final String FULL = "f".repeat(64);
    private static final String READ_ONLY = "0".repeat(64);

    @TempDir
    Path home;

    @Test
    void theFirstStartMakesTwoPrivateTokensOf64HexDigits() throws IOException {
        Tokens tokens = Tokens.inHome(home);

        Path full = home.resolve(Tokens.FULL_FILE);
        Path readOnly = home.resolve(Tokens.READ_ONLY_FILE);
        for (Path file : new Path[] {full, readOnly}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as("mode of %s", file)
                    .isEqualTo("rw-------");
            assertThat(Tokens.read(file)).matches("[0-9a-f]{64}");
        }
        assertThat(Tokens.read(full)).isNotEqualTo(Tokens.read(readOnly));
        assertThat(tokens.accessOf("Bearer " + Tokens.read(full))).contains(Access.WRITE);
        assertThat(tokens.accessOf("Bearer " + Tokens.read(readOnly))).contains(Access.READ);
        try (var left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temp file is left behind")
                    .containsExactlyInAnyOrder(Tokens.FULL_FILE, Tokens.READ_ONLY_FILE);
        }
    }

    @Test
    void aMissingHomeIsMade() {
        Path missing = home.resolve("not/yet");

        Tokens.inHome(missing);

        assertThat(missing.resolve(Tokens.FULL_FILE)).isRegularFile();
        assertThat(missing.resolve(Tokens.READ_ONLY_FILE)).isRegularFile();
    }

    @Test
    void theTokensAreKeptAcrossRestarts() throws IOException {
        Tokens.inHome(home);
        String full = Tokens.read(home.resolve(Tokens.FULL_FILE));
        String readOnly = Tokens.read(home.resolve(Tokens.READ_ONLY_FILE));

        Tokens again = Tokens.inHome(home);

        assertThat(Tokens.read(home.resolve(Tokens.FULL_FILE))).isEqualTo(full);
        assertThat(Tokens.read(home.resolve(Tokens.READ_ONLY_FILE))).isEqualTo(readOnly);
        assertThat(again.accessOf("Bearer " + full)).contains(Access.WRITE);
        assertThat(again.accessOf("Bearer " + readOnly)).contains(Access.READ);
    }

    @Test
    void aTokenFileOthersMayReadIsRefusedWithTheFix() throws IOException {
        Path full = home.resolve(Tokens.FULL_FILE);
        Files.writeString(full, FULL + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(full, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> Tokens.inHome(home))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining(full.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("delete the file and restart the daemon");
    }

    @Test
    void aTokenFileOfItsOwnerAloneIsTakenAsItIs() throws IOException {
        Path full = home.resolve(Tokens.FULL_FILE);
        Files.writeString(full, FULL + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(full, PosixFilePermissions.fromString("r--------"));

        Tokens tokens = Tokens.inHome(home);

        assertThat(tokens.accessOf("Bearer " + FULL)).contains(Access.WRITE);
    }

    @Test
    void anEmptyTokenFileIsRefusedWithTheFix() throws IOException {
        Path full = home.resolve(Tokens.FULL_FILE);
        Files.createFile(full, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));

        assertThatThrownBy(() -> Tokens.inHome(home))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(full + " is empty")
                .hasMessageContaining("delete it and restart the daemon");
    }

    @Test
    void theFullTokenMayWriteAndTheReadOnlyTokenMayRead() {
        Tokens tokens = Tokens.of(FULL, READ_ONLY);

        assertThat(tokens.accessOf("Bearer " + FULL)).contains(Access.WRITE);
        assertThat(tokens.accessOf("Bearer " + READ_ONLY)).contains(Access.READ);
    }

    @Test
    void theBearerPrefixIsTakenInAnyCase() {
        Tokens tokens = Tokens.of(FULL, READ_ONLY);

        assertThat(tokens.accessOf("bearer " + FULL)).contains(Access.WRITE);
        assertThat(tokens.accessOf("BEARER " + READ_ONLY)).contains(Access.READ);
        assertThat(tokens.accessOf("bEaReR   " + FULL + "  ")).contains(Access.WRITE);
    }

    @Test
    void aWrongBlankOrMissingTokenAllowsNothing() {
        Tokens tokens = Tokens.of(FULL, READ_ONLY);

        assertThat(tokens.accessOf("Bearer " + "e".repeat(64))).isEmpty();
        assertThat(tokens.accessOf("Bearer " + FULL.substring(1))).isEmpty();
        assertThat(tokens.accessOf("Bearer " + FULL + "f")).isEmpty();
        assertThat(tokens.accessOf("Bearer ")).isEmpty();
        assertThat(tokens.accessOf("Bearer")).isEmpty();
        assertThat(tokens.accessOf("")).isEmpty();
        assertThat(tokens.accessOf("   ")).isEmpty();
        assertThat(tokens.accessOf(null)).isEmpty();
        assertThat(tokens.accessOf(FULL)).as("no Bearer prefix").isEmpty();
        assertThat(tokens.accessOf("Basic " + FULL)).isEmpty();
        assertThat(tokens.accessOf("Bearer" + FULL)).as("no space after Bearer").isEmpty();
    }

    @Test
    void twoTokensMustBeDifferentAndNotBlank() {
        assertThatThrownBy(() -> Tokens.of(FULL, FULL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tokens.of(FULL, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tokens.of("", READ_ONLY)).isInstanceOf(IllegalArgumentException.class);
    }
}
