package io.schedcp.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.monitor.ProcStat.CpuTimes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatParserTest {

    @Test
    void readsEveryCpuOfTheHostCapture() {
        ProcStat stat = ProcStatParser.read(Fixtures.dir("host"));

        assertThat(stat.all()).isEqualTo(new CpuTimes(1209723, 0, 77857, 907555, 2494, 0, 3472, 1125));
        assertThat(stat.cpus()).containsOnlyKeys(0, 1);
        assertThat(stat.cpus().get(1)).isEqualTo(new CpuTimes(608509, 0, 40251, 447792, 2118, 0, 1878, 557));
    }

    @Test
    void readsTheLabKernelsCapture() {
        ProcStat stat = ProcStatParser.read(Fixtures.dir("lab"));

        assertThat(stat.all()).isEqualTo(new CpuTimes(62, 0, 1141, 699, 40, 0, 42, 0));
        assertThat(stat.cpus().get(0)).isEqualTo(new CpuTimes(46, 0, 674, 192, 37, 0, 28, 0));
        assertThat(stat.cpus().get(1).total()).isEqualTo(16 + 467 + 506 + 2 + 13);
    }

    @Test
    void guestTimeIsNotCountedTwice() {
        ProcStat stat = ProcStatParser.parse(
                Path.of("stat"), "cpu  100 10 20 300 0 0 0 0 40 5\ncpu0 100 10 20 300 0 0 0 0 40 5\nintr 0\n");

        assertThat(stat.all().total()).isEqualTo(430);
    }

    @Test
    void busyShareIsTheNonIdleTicksOverAllTicks() {
        CpuTimes before = new CpuTimes(10, 0, 10, 70, 10, 0, 0, 0);
        CpuTimes after = new CpuTimes(40, 0, 20, 125, 15, 0, 0, 0);

        assertThat(after.busyPercentSince(before)).isCloseTo(40.0, within(1e-9));
        assertThat(before.busyPercentSince(before)).isZero();
    }

    @Test
    void anIowaitThatWentBackCountsAsUnchanged() {
        CpuTimes before = new CpuTimes(0, 0, 0, 0, 10, 0, 0, 0);
        CpuTimes after = new CpuTimes(50, 0, 0, 50, 7, 0, 0, 0);

        assertThat(after.busyPercentSince(before)).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void aFileCutInsideALineNamesTheFileAndTheLine() {
        Path file = Fixtures.dir("broken").resolve("stat-truncated");

        assertThatThrownBy(() -> ProcStatParser.read(file.getParent().resolve("no-such-root")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ProcStatParser.parse(file, Fixtures.text("broken", "stat-truncated")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " line 3 ('cpu1 16 0 4')")
                .hasMessageContaining("cut short")
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(SchedcpException.Kind.IO);
    }

    @Test
    void aFileCutAfterItsCpuLinesIsRefused() {
        Path file = Fixtures.dir("broken").resolve("stat-cut-after-cpus");

        assertThatThrownBy(() -> ProcStatParser.parse(file, Fixtures.text("broken", "stat-cut-after-cpus")))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("ends after its cpu lines");
    }

    @Test
    void aDamagedNumberNamesTheLineAndTheValue() {
        Path file = Fixtures.dir("broken").resolve("stat-malformed");

        assertThatThrownBy(() -> ProcStatParser.parse(file, Fixtures.text("broken", "stat-malformed")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " line 2 ('cpu0 46 0 6x4 192")
                .hasMessageContaining("'6x4' where a count belongs");
    }

    @Test
    void aCpuLineShorterThanTheTotalIsRefused() {
        assertThatThrownBy(() -> ProcStatParser.parse(
                        Path.of("stat"), "cpu  1 2 3 4 5 6 7 8 9 10\ncpu0 1 2 3 4 5 6 7 8\nintr 0\n"))
                .hasMessageContaining("stat line 2")
                .hasMessageContaining("8 columns where the 'cpu' line has 10");
    }

    @Test
    void aFileThatDoesNotStartWithTheTotalIsRefused() {
        assertThatThrownBy(() -> ProcStatParser.parse(Path.of("stat"), "intr 0\n"))
                .hasMessageContaining("stat line 1 ('intr 0')");
        assertThatThrownBy(() -> ProcStatParser.parse(Path.of("stat"), "")).hasMessageContaining("stat is empty");
    }
}
