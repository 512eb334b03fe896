package io.schedcp.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.api.SchedcpException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MemInfoParserTest {

    @Test
    void readsTheHostCapture() {
        MemInfo memory = MemInfoParser.read(Fixtures.dir("host"));

        assertThat(memory).isEqualTo(new MemInfo(24684096, 21414236, 21922368, 16208, 1045364));
        assertThat(memory.usedPercent()).isCloseTo(100.0 * (24684096 - 21922368) / 24684096, within(1e-9));
    }

    @Test
    void readsTheLabKernelsCapture() {
        MemInfo memory = MemInfoParser.read(Fixtures.dir("lab"));

        assertThat(memory).isEqualTo(new MemInfo(2014768, 1973184, 1900920, 0, 5408));
        assertThat(memory.usedPercent()).isCloseTo(5.6506, within(1e-4));
    }

    @Test
    void aFileCutInsideALineIsRefusedNotReadAsASmallerNumber() {
        Path file = Fixtures.dir("broken").resolve("meminfo-truncated");

        assertThatThrownBy(() -> MemInfoParser.parse(file, Fixtures.text("broken", "meminfo-truncated")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " line 3 ('MemAvailable:    19')")
                .hasMessageContaining("cut short");
    }

    @Test
    void aFileCutBeforeANeededLineNamesTheMissingLine() {
        Path file = Fixtures.dir("broken").resolve("meminfo-cut-before-available");

        assertThatThrownBy(() -> MemInfoParser.parse(file, Fixtures.text("broken", "meminfo-cut-before-available")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no MemAvailable line");
    }

    @Test
    void aWrongUnitIsRefusedWithItsLine() {
        Path file = Fixtures.dir("broken").resolve("meminfo-malformed");

        assertThatThrownBy(() -> MemInfoParser.parse(file, Fixtures.text("broken", "meminfo-malformed")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " line 5 ('Cached:             5408 MB')");
    }

    @Test
    void aLineWithoutAColonIsRefused() {
        assertThatThrownBy(() -> MemInfoParser.parse(Path.of("meminfo"), "MemTotal 100 kB\n"))
                .hasMessageContaining("meminfo line 1")
                .hasMessageContaining("'Name: value'");
    }
}
