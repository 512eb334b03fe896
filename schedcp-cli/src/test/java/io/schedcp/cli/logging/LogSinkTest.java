package io.schedcp.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

class LogSinkTest {

    private static final long LIMIT = 1000;

    @TempDir
    Path home;

    @AfterEach
    void closeTheLog() {
        LogSink.close();
    }

    private Path log() {
        return home.resolve("schedcp.log");
    }

    private static void writeLines(int count) {
        for (int i = 0; i < count; i++) {
            LogSink.write(Level.INFO, "io.schedcp.Test", "line " + i + " " + "x".repeat(80), null);
        }
    }

    @Test
    void theLogIsRotatedWhileWritingOnceItPassesTheLimitAndThreeOldFilesAreKept() throws IOException {
        LogSink.open(log(), Level.INFO, LIMIT);

        writeLines(100);

        assertThat(Files.size(log())).isLessThan(LIMIT);
        for (int n = 1; n <= LogRotation.KEPT; n++) {
            Path old = home.resolve("schedcp.log." + n);
            assertThat(old).exists();
            assertThat(Files.size(old)).isBetween(LIMIT, LIMIT + 200);
        }
        assertThat(home.resolve("schedcp.log.4")).doesNotExist();
        assertThat(Files.readString(log())).endsWith("line 99 " + "x".repeat(80) + "\n");
    }

    @Test
    void aLogAlreadyPastTheLimitIsRotatedWhenItIsOpened() throws IOException {
        Files.writeString(log(), "old run\n".repeat(200));
        Files.writeString(home.resolve("schedcp.log.1"), "older run\n");

        LogSink.open(log(), Level.INFO, LIMIT);
        writeLines(1);

        assertThat(Files.readString(home.resolve("schedcp.log.1"))).startsWith("old run");
        assertThat(home.resolve("schedcp.log.2")).hasContent("older run");
        assertThat(Files.readString(log())).startsWith(java.time.Year.now(java.time.ZoneOffset.UTC).toString().substring(0, 2))
                .contains("line 0");
    }

    @Test
    void aSmallLogIsAppendedTo() throws IOException {
        Files.writeString(log(), "earlier\n");

        LogSink.open(log(), Level.INFO, LIMIT);
        writeLines(1);

        assertThat(Files.readString(log())).startsWith("earlier\n").contains("line 0");
        assertThat(home.resolve("schedcp.log.1")).doesNotExist();
    }
}
