package io.schedcp.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The log as SLF4J callers see it, written by Logback: where lines go, their level, rotation. */
class LogFileTest {

    private static final long LIMIT = 1000;
    private static final String PADDING = "x".repeat(80);
    private static final Logger LOG = LoggerFactory.getLogger("io.schedcp.example.Probe");

    @TempDir
    Path home;

    private final List<String> problems = new ArrayList<>();

    @AfterEach
    void closeTheLog() {
        LogFile.close();
    }

    private Path log() {
        return home.resolve("schedcp.log");
    }

    private static void writeLines(int count) {
        for (int i = 0; i < count; i++) {
            LOG.info("line {} {}", i, PADDING);
        }
    }

    @Test
    void aLineHoldsTheUtcTimeTheLevelTheThreadTheLoggersSimpleNameAndTheMessage() throws IOException {
        LogFile.open(log(), Level.INFO, LIMIT, problems::add);

        LOG.warn("started {}", "scx_simple");

        assertThat(Files.readString(log()))
                .matches(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  \\[main\\] Probe - started scx_simple\n");
    }

    @Test
    void anErrorsStackTraceFollowsItsLine() throws IOException {
        LogFile.open(log(), Level.INFO, LIMIT, problems::add);

        LOG.error("start failed", new IllegalStateException("no sched_ext"));

        assertThat(Files.readString(log()))
                .contains(
                        "ERROR [main] Probe - start failed\n" + "java.lang.IllegalStateException: no sched_ext\n\tat ");
    }

    @Test
    void linesBelowTheLevelAreLeftOut() throws IOException {
        LogFile.open(log(), Level.WARN, LIMIT, problems::add);

        LOG.info("routine");
        LOG.warn("unusual");

        assertThat(Files.readString(log())).doesNotContain("routine").contains("unusual");
        assertThat(LOG.isInfoEnabled()).isFalse();
    }

    @Test
    void theLogIsRotatedWhileWritingOnceItPassesTheLimitAndThreeOldFilesAreKept() throws IOException {
        LogFile.open(log(), Level.INFO, LIMIT, problems::add);

        writeLines(100);

        assertThat(Files.size(log())).isLessThan(LIMIT + 200);
        for (int n = 1; n <= RollingLog.KEPT; n++) {
            Path old = home.resolve("schedcp.log." + n);
            assertThat(old).exists();
            assertThat(Files.size(old)).isBetween(LIMIT, LIMIT + 200);
        }
        assertThat(home.resolve("schedcp.log.4")).doesNotExist();
        assertThat(Files.readString(log())).endsWith("line 99 " + PADDING + "\n");
        assertThat(Files.readString(home.resolve("schedcp.log.1"))).doesNotContain("line 99 ");
    }

    @Test
    void aLogAlreadyPastTheLimitIsRotatedBeforeItsFirstNewLine() throws IOException {
        Files.writeString(log(), "old run\n".repeat(200));
        Files.writeString(home.resolve("schedcp.log.1"), "older run\n");

        LogFile.open(log(), Level.INFO, LIMIT, problems::add);
        writeLines(1);

        assertThat(Files.readString(home.resolve("schedcp.log.1")))
                .startsWith("old run")
                .doesNotContain("line 0");
        assertThat(home.resolve("schedcp.log.2")).hasContent("older run");
        assertThat(Files.readString(log())).contains("line 0").doesNotContain("old run");
    }

    @Test
    void aSmallLogIsAppendedTo() throws IOException {
        Files.writeString(log(), "earlier\n");

        LogFile.open(log(), Level.INFO, LIMIT, problems::add);
        writeLines(1);

        assertThat(Files.readString(log())).startsWith("earlier\n").contains("line 0");
        assertThat(home.resolve("schedcp.log.1")).doesNotExist();
    }

    @Test
    void aLogWhosePathHoldsAPercentSignIsRefusedBecauseRotationWouldMisnameIt() throws IOException {
        Path odd = Files.createDirectories(home.resolve("100%i"));

        LogFile.open(odd.resolve("schedcp.log"), Level.INFO, LIMIT, problems::add);
        writeLines(1);

        assertThat(problems).singleElement(STRING).contains("holds a %");

        assertThat(odd).isEmptyDirectory();
    }

    @Test
    void aLogThatCannotBeWrittenIsReportedWithTheReasonAndLogsNothing() throws IOException {
        Path notADirectory = Files.writeString(home.resolve("a-file"), "x");

        LogFile.open(notADirectory.resolve("schedcp.log"), Level.INFO, LIMIT, problems::add);
        writeLines(1);

        assertThat(problems).singleElement(STRING).contains("Not a directory");

        assertThat(LOG.isErrorEnabled()).isFalse();
        assertThat(notADirectory).hasContent("x");
    }

    @Test
    void closingTheLogStopsWritingIt() throws IOException {
        LogFile.open(log(), Level.INFO, LIMIT, problems::add);
        LOG.info("before");

        LogFile.close();
        LOG.error("after");

        assertThat(Files.readString(log())).contains("before").doesNotContain("after");
    }

    @Test
    void aLogThatOpensSaysNothing() {
        LogFile.open(log(), Level.INFO, LIMIT, problems::add);
        writeLines(1);

        assertThat(problems).isEmpty();
        assertThat(log()).isNotEmptyFile();
    }
}
