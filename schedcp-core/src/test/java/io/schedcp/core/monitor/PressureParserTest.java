package io.schedcp.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.core.monitor.Pressure.Line;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PressureParserTest {

    @Test
    void readsTheHostCapture() {
        Pressure pressure = PressureParser.read(Fixtures.dir("host")).orElseThrow();

        assertThat(pressure.some()).isEqualTo(new Line(30.79, 38.49, 23.59, 2048151805L));
        assertThat(pressure.full()).contains(new Line(0, 0, 0, 0));
    }

    @Test
    void readsTheLabKernelsCapture() {
        Pressure pressure = PressureParser.read(Fixtures.dir("lab")).orElseThrow();

        assertThat(pressure.some()).isEqualTo(new Line(3.63, 1.20, 0.28, 914584));
    }

    @Test
    void aKernelBefore513HasOnlyTheSomeLine() {
        Pressure pressure = PressureParser.parse(Path.of("cpu"), "some avg10=1.00 avg60=2.00 avg300=3.00 total=4\n");

        assertThat(pressure.full()).isEmpty();
        assertThat(pressure.some().totalUs()).isEqualTo(4);
    }

    @Test
    void aKernelWithoutPsiHasNone() {
        assertThat(PressureParser.read(Fixtures.dir("broken"))).isEmpty();
    }

    @Test
    void aFileCutInsideALineIsRefused() {
        Path file = Fixtures.dir("broken").resolve("pressure-truncated");

        assertThatThrownBy(() -> PressureParser.parse(file, Fixtures.text("broken", "pressure-truncated")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " line 1 ('some avg10=3.63 avg60=1.20 avg300=0.28 total=9')")
                .hasMessageContaining("cut short");
    }

    @Test
    void aDamagedAverageNamesTheLineAndTheValue() {
        Path file = Fixtures.dir("broken").resolve("pressure-malformed");

        assertThatThrownBy(() -> PressureParser.parse(file, Fixtures.text("broken", "pressure-malformed")))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining(file + " line 1")
                .hasMessageContaining("'1,20' where a percentage like 1.25 belongs");
    }

    @Test
    void anAverageOverAHundredPercentIsRefused() {
        assertThatThrownBy(() ->
                        PressureParser.parse(Path.of("cpu"), "some avg10=100.50 avg60=0.00 avg300=0.00 total=0\n"))
                .hasMessageContaining("more than 100 percent");
    }

    @Test
    void linesOutOfOrderOrExtraAreRefused() {
        assertThatThrownBy(
                        () -> PressureParser.parse(Path.of("cpu"), "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"))
                .hasMessageContaining("'some avg10=A");
        assertThatThrownBy(
                        () -> PressureParser.parse(
                                Path.of("cpu"),
                                "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\nx\n"))
                .hasMessageContaining("cpu line 3");
        assertThatThrownBy(
                        () -> PressureParser.parse(Path.of("cpu"), "some avg60=0.00 avg10=0.00 avg300=0.00 total=0\n"))
                .hasMessageContaining("where avg10= belongs");
    }
}
