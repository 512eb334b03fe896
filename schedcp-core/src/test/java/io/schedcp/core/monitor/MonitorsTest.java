package io.schedcp.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorsTest {

    /** Monitor 1 sees a CPU 20 % busy, monitor 2 one 80 % busy, each over one second. */
    private final ScriptedSource first =
            ScriptedSource.of(Snapshots.at(0).cpu(0, 0, 0), Snapshots.at(1).cpu(0, 20, 80));

    private final ScriptedSource second =
            ScriptedSource.of(Snapshots.at(5).cpu(0, 0, 0), Snapshots.at(6).cpu(0, 80, 20));
    private final Deque<SnapshotSource> sources = new ArrayDeque<>(List.of(first, second));
    private final Monitors monitors = new Monitors(sources::removeFirst);

    @Test
    void twoMonitorsRunAtOnceEachWithItsOwnWindow() {
        String one = monitors.start(Duration.ofHours(1));
        String two = monitors.start(Duration.ofMinutes(1));

        assertThat(monitors.list())
                .extracting(MonitorInfo::id, MonitorInfo::interval)
                .containsExactly(tuple(one, Duration.ofHours(1)), tuple(two, Duration.ofMinutes(1)));
        MonitorSummary secondSummary = monitors.stop(two);
        assertThat(monitors.list()).extracting(MonitorInfo::id).containsExactly(one);
        MonitorSummary firstSummary = monitors.stop(one);

        assertThat(one).isNotEqualTo(two);
        assertThat(firstSummary.cpuPercent().avg()).isCloseTo(20, within(1e-9));
        assertThat(secondSummary.cpuPercent().avg()).isCloseTo(80, within(1e-9));
        assertThat(secondSummary.start()).isEqualTo(Snapshots.EPOCH.plusSeconds(5));
        assertThat(monitors.list()).isEmpty();
    }

    @Test
    void stoppingAMonitorThatDoesNotRunNamesThoseThatDo() {
        String one = monitors.start(Duration.ofHours(1));

        assertThatThrownBy(() -> monitors.stop("monitor-99"))
                .isInstanceOf(SchedcpException.class)
                .hasMessage("no monitor 'monitor-99' is running; running: " + one)
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(Kind.NOT_FOUND);
        monitors.stop(one);
        assertThatThrownBy(() -> monitors.stop(one)).hasMessage("no monitor '" + one + "' is running");
    }

    @Test
    void closingStopsEveryMonitor() {
        monitors.start(Duration.ofHours(1));
        monitors.start(Duration.ofHours(1));

        monitors.close();

        assertThat(monitors.list()).isEmpty();
        assertThat(first.reads()).isEqualTo(2);
        assertThat(second.reads()).isEqualTo(2);
    }

    @Test
    void anIntervalUnderTheMinimumStartsNothing() {
        assertThatThrownBy(() -> monitors.start(Duration.ofMillis(50)))
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(Kind.INVALID_INPUT);
        assertThat(monitors.list()).isEmpty();
        assertThat(first.reads()).isZero();
    }
}
