package io.schedcp.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The monitor driven by a scripted source. An interval of an hour keeps the sampling thread waiting, so that
 * the test takes each sample itself; two tests let the thread sample at 100 ms and wait for it.
 */
class SystemMonitorTest {

    private static final Duration HOUR = Duration.ofHours(1);

    /** Every call on a thread reads 1 ms more of that thread's CPU time than the call before. */
    private static final class FakeThreadCpu implements LongSupplier {
        private final ThreadLocal<long[]> calls = ThreadLocal.withInitial(() -> new long[1]);

        @Override
        public long getAsLong() {
            return calls.get()[0]++ * 1_000_000;
        }
    }

    private static Snapshots busy(double seconds, long busyTicks) {
        return Snapshots.at(seconds).cpu(0, busyTicks, Math.round(seconds * 100) - busyTicks);
    }

    @Test
    void startTakesTheFirstReadingAndStopTheLast() {
        ScriptedSource source = ScriptedSource.of(busy(0, 0), busy(1, 50), busy(2, 150));
        SystemMonitor monitor = new SystemMonitor(source, HOUR);

        monitor.start();
        monitor.sampleNow();
        MonitorSummary summary = monitor.stop();

        assertThat(source.reads()).isEqualTo(3);
        assertThat(summary.sampleCount()).isEqualTo(2);
        assertThat(summary.end()).isEqualTo(Snapshots.EPOCH.plusSeconds(2));
        assertThat(summary.cpuPercent().min()).isCloseTo(50, within(1e-9));
        assertThat(summary.cpuPercent().max()).isCloseTo(100, within(1e-9));
        assertThat(monitor.isRunning()).isFalse();
    }

    @Test
    void listenersGetEachSampleOfATick() {
        SystemMonitor monitor =
                new SystemMonitor(ScriptedSource.of(busy(0, 0), busy(1, 10), busy(2, 30), busy(3, 30)), HOUR);
        List<MonitorSample> seen = new CopyOnWriteArrayList<>();
        monitor.onSample(seen::add);

        monitor.start();
        monitor.sampleNow();
        monitor.sampleNow();

        assertThat(seen).extracting(MonitorSample::cpuPercent).containsExactly(10.0, 20.0);
        assertThat(monitor.latest()).contains(seen.get(1));
        assertThat(monitor.sampleCount()).isEqualTo(2);
        assertThat(monitor.stop().sampleCount()).isEqualTo(3);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheMonitor() {
        SystemMonitor monitor = new SystemMonitor(ScriptedSource.of(busy(0, 0), busy(1, 10), busy(2, 30)), HOUR)
                .onSample(sample -> {
                    throw new IllegalStateException("listener bug");
                });

        monitor.start();
        monitor.sampleNow();

        assertThat(monitor.stop().sampleCount()).isEqualTo(2);
    }

    @Test
    void aLastReadingTooSoonAfterTheLastSampleIsLeftOut() {
        SystemMonitor monitor = new SystemMonitor(ScriptedSource.of(busy(0, 0), busy(1, 50), busy(1.05, 55)), HOUR);

        monitor.start();
        monitor.sampleNow();
        MonitorSummary summary = monitor.stop();

        assertThat(summary.sampleCount()).isEqualTo(1);
        assertThat(summary.end()).isEqualTo(Snapshots.EPOCH.plusSeconds(1));
    }

    @Test
    void stoppingTwiceGivesTheSameSummary() {
        SystemMonitor monitor = new SystemMonitor(ScriptedSource.of(busy(0, 0), busy(1, 50)), HOUR);
        monitor.start();

        MonitorSummary first = monitor.stop();

        assertThat(monitor.stop()).isSameAs(first);
    }

    @Test
    void anIntervalUnderTheMinimumIsRefused() {
        assertThatThrownBy(() -> new SystemMonitor(ScriptedSource.of(), Duration.ofMillis(99)))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("99 ms is too short")
                .hasMessageContaining("100 ms or more")
                .extracting(e -> ((SchedcpException) e).kind())
                .isEqualTo(Kind.INVALID_INPUT);
    }

    @Test
    void aBadFileFailsTheStart() {
        SystemMonitor monitor = new SystemMonitor(
                () -> {
                    throw new SchedcpException(Kind.IO, "/proc/stat line 2: damaged");
                },
                HOUR);

        assertThatThrownBy(monitor::start).hasMessageContaining("/proc/stat line 2");
        assertThat(monitor.isRunning()).isFalse();
    }

    @Test
    void overheadCountsTheCpuTimeOfEveryReadingAndOfTheSamplingThread() {
        SystemMonitor monitor =
                new SystemMonitor(ScriptedSource.of(busy(0, 0), busy(1, 50), busy(2, 100)), HOUR, new FakeThreadCpu());

        monitor.start();
        monitor.sampleNow();
        MonitorSummary summary = monitor.stop();

        // 1 ms each for start's reading, the sample, stop's reading and the idle sampling thread, over 2 s.
        assertThat(summary.overheadCpuPercent()).isCloseTo(100.0 * 0.004 / 2, within(1e-9));
    }

    @Test
    void theSamplingThreadSamplesAtEachInterval() throws InterruptedException {
        ScriptedSource source = new ScriptedSource(IntStream.range(0, 100)
                .mapToObj(i -> busy(i * 0.1, i * 5L).build())
                .toList());
        CountDownLatch threeSamples = new CountDownLatch(3);
        SystemMonitor monitor =
                new SystemMonitor(source, Duration.ofMillis(100)).onSample(s -> threeSamples.countDown());

        monitor.start();
        boolean sampled = threeSamples.await(10, TimeUnit.SECONDS);
        MonitorSummary summary = monitor.stop();

        assertThat(sampled).isTrue();
        assertThat(summary.sampleCount()).isGreaterThanOrEqualTo(3);
        assertThat(summary.cpuPercent().avg()).isCloseTo(50, within(1e-9));
        assertThat(summary.overheadCpuPercent()).isPositive();
    }

    @Test
    void aFailureWhileSamplingEndsTheMonitorAndStopReportsIt() throws InterruptedException {
        CountDownLatch failed = new CountDownLatch(1);
        ScriptedSource script = ScriptedSource.of(busy(0, 0));
        SystemMonitor monitor = new SystemMonitor(
                () -> {
                    if (script.reads() == 0) {
                        return script.read();
                    }
                    failed.countDown();
                    throw new SchedcpException(Kind.IO, "/proc/meminfo line 3: cut short");
                },
                Duration.ofMillis(100));

        monitor.start();
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(monitor::stop)
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("/proc/meminfo line 3");
    }
}
