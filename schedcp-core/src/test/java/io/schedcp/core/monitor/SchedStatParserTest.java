package io.schedcp.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.monitor.SchedStat.CpuCounters;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchedStatParserTest {

    @Test
    void readsFieldsSevenToNineOfEachCpuInTheLabCapture() {
        SchedStat stat = SchedStatParser.read(Fixtures.dir("lab")).orElseThrow();

        assertThat(stat.version()).isEqualTo(17);
        assertThat(stat.timestamp()).isEqualTo(4294895152L);
        assertThat(stat.cpus()).containsOnlyKeys(0, 1);
        assertThat(stat.cpus().get(0)).isEqualTo(new CpuCounters(9380441192L, 957348727L, 2531));
        assertThat(stat.cpus().get(1)).isEqualTo(new CpuCounters(6047432140L, 1580785044L, 3737));
    }

    @Test
    void aKernelWithoutSchedstatsHasNone() {
        assertThat(SchedStatParser.read(Fixtures.dir("host"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {15, 16})
    void theOtherKnownVersionsShareTheCpuLine(int version) {
        String text = "version " + version + "\ntimestamp 100\ncpu0 1 0 2 3 4 5 600 700 8\n" + "domain0 00000003 "
                + "0 ".repeat(35) + "0\ncpu1 0 0 0 0 0 0 10 20 30\n";

        SchedStat stat = SchedStatParser.parse(Path.of("schedstat"), text);

        assertThat(stat.version()).isEqualTo(version);
        assertThat(stat.cpus().get(0)).isEqualTo(new CpuCounters(600, 700, 8));
        assertThat(stat.cpus().get(1)).isEqualTo(new CpuCounters(10, 20, 30));
    }

    @Test
    void anUnknownVersionIsRefusedNotGuessedAt() {
        Path file = Fixtures.dir("broken").resolve("schedstat-version-18");

        assertThatThrownBy(() -> SchedStatParser.parse(file, Fixtures.text("broken", "schedstat-version-18")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " is schedstat version 18")
                .hasMessageContaining("versions 15, 16 and 17")
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(SchedcpException.Kind.UNAVAILABLE);
    }

    @Test
    void aFileCutInsideACpuLineNamesTheLine() {
        Path file = Fixtures.dir("broken").resolve("schedstat-truncated");

        assertThatThrownBy(() -> SchedStatParser.parse(file, Fixtures.text("broken", "schedstat-truncated")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " line 5 ('cpu1 0 0 0 0 0 0 6047')")
                .hasMessageContaining("cut short")
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(SchedcpException.Kind.IO);
    }

    @Test
    void aCpuLineMissingAFieldIsRefused() {
        Path file = Fixtures.dir("broken").resolve("schedstat-malformed");

        assertThatThrownBy(() -> SchedStatParser.parse(file, Fixtures.text("broken", "schedstat-malformed")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " line 3")
                .hasMessageContaining("9 fields after the name, and this one has 8");
    }

    @Test
    void aFileWithoutCpuLinesOrTimestampIsRefused() {
        assertThatThrownBy(() -> SchedStatParser.parse(Path.of("schedstat"), "version 17\n"))
                .hasMessageContaining("ends after the version line");
        assertThatThrownBy(() -> SchedStatParser.parse(Path.of("schedstat"), "version 17\ntimestamp 5\n"))
                .hasMessageContaining("no 'cpuN' line");
        assertThatThrownBy(() -> SchedStatParser.parse(Path.of("schedstat"), "version 17\ncpu0 1\n"))
                .hasMessageContaining("schedstat line 2")
                .hasMessageContaining("'timestamp JIFFIES'");
        assertThatThrownBy(() -> SchedStatParser.parse(Path.of("schedstat"), "version 17\ntimestamp 5\n\n"))
                .hasMessageContaining("schedstat line 3")
                .hasMessageContaining("'cpuN' or a 'domainN' line");
    }
}
