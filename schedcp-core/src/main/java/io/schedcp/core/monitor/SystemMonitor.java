package io.schedcp.core.monitor;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the system at a set interval on a thread of its own, from {@link #start()} to {@link #stop()}, which
 * returns the window's summary. The first reading is taken by {@code start()} and the last by {@code stop()},
 * on the caller's thread, so a bad file fails the start and the window ends when it is stopped.
 *
 * <p>The monitor counts its own cost: the CPU time of its sampling thread, listeners included, and of the
 * readings {@code start()} and {@code stop()} take, as a share of one CPU over the window.
 */
public final class SystemMonitor {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** Below this, /proc/stat's 100 Hz ticks leave too few counts per interval to mean anything. */
    public static final Duration MINIMUM_INTERVAL = Duration.ofMillis(100);

    private static final Logger LOG = LoggerFactory.getLogger(SystemMonitor.class);

    private final SnapshotSource source;
    private final Duration interval;
    private final LongSupplier threadCpuNanos;
    private final List<Consumer<MonitorSample>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    private MonitorWindow window;
    private Optional<MonitorSample> latest = Optional.empty();
    private Thread thread;
    private long callerCpuNanos;
    private volatile long threadCpuUsed;
    private volatile RuntimeException failure;
    private MonitorSummary summary;

    /**
     * @throws SchedcpException of kind INVALID_INPUT when {@code interval} is shorter than {@link #MINIMUM_INTERVAL}
     */
    public SystemMonitor(SnapshotSource source, Duration interval) {
        this(source, interval, currentThreadCpu());
    }

    /** With the current thread's CPU time read from {@code threadCpuNanos}, for tests. */
    SystemMonitor(SnapshotSource source, Duration interval, LongSupplier threadCpuNanos) {
        this.source = Objects.requireNonNull(source, "source");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.threadCpuNanos = threadCpuNanos;
        if (interval.compareTo(MINIMUM_INTERVAL) < 0) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "a monitor interval of " + interval.toMillis()
                            + " ms is too short: /proc/stat counts CPU time in 10 ms ticks, so use "
                            + MINIMUM_INTERVAL.toMillis() + " ms or more");
        }
    }

    public Duration interval() {
        return interval;
    }

    /**
     * Calls {@code listener} with the sample of each tick, on the sampling thread; add it before {@link #start()}.
     * The last reading, which {@link #stop()} takes, goes to the summary only.
     */
    public SystemMonitor onSample(Consumer<MonitorSample> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Takes the first reading and starts sampling.
     *
     * @throws SchedcpException of kind IO when a file cannot be read or is not what the kernel writes, and
     *                          UNAVAILABLE when /proc/schedstat has a version this monitor does not know
     */
    public synchronized void start() {
        if (window != null) {
            throw new IllegalStateException("a monitor starts once");
        }
        long cpuBefore = threadCpuNanos.getAsLong();
        window = new MonitorWindow(source.read(), interval);
        callerCpuNanos += threadCpuNanos.getAsLong() - cpuBefore;
        thread = new Thread(this::run, "schedcp-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    /** The last sample, once there is one. */
    public synchronized Optional<MonitorSample> latest() {
        return latest;
    }

    public synchronized int sampleCount() {
        return window == null ? 0 : window.sampleCount();
    }

    public synchronized boolean isRunning() {
        return window != null && summary == null;
    }

    /**
     * Stops sampling, takes the last reading (unless the last sample is less than {@link #MINIMUM_INTERVAL}
     * old) and returns the summary; later calls return the same summary.
     *
     * @throws SchedcpException the failure that stopped sampling early, if one did
     */
    public MonitorSummary stop() {
        synchronized (this) {
            if (window == null) {
                throw new IllegalStateException("the monitor was not started");
            }
            if (summary != null) {
                return summary;
            }
        }
        stopSignal.countDown();
        joinUninterruptibly(thread);
        synchronized (this) {
            if (summary != null) {
                return summary;
            }
            if (failure != null) {
                throw failure;
            }
            long cpuBefore = threadCpuNanos.getAsLong();
            SystemSnapshot last = source.read();
            if (last.nanos() - window.last().nanos() >= MINIMUM_INTERVAL.toNanos()) {
                window.add(last);
            }
            callerCpuNanos += threadCpuNanos.getAsLong() - cpuBefore;
            summary = window.summary(callerCpuNanos + threadCpuUsed);
            return summary;
        }
    }

    /** Takes a sample now, on the caller's thread, as the sampling thread does at each tick. */
    void sampleNow() {
        long cpuBefore = threadCpuNanos.getAsLong();
        sample();
        synchronized (this) {
            callerCpuNanos += threadCpuNanos.getAsLong() - cpuBefore;
        }
    }

    private void run() {
        long cpuAtStart = threadCpuNanos.getAsLong();
        try {
            long step = interval.toNanos();
            long next = System.nanoTime() + step;
            while (!stopSignal.await(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                sample();
                long now = System.nanoTime();
                next += step;
                if (next <= now) {
                    // Late (a suspended process, a busy machine): skip the ticks that passed rather than catch up.
                    next += ((now - next) / step + 1) * step;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("the system monitor stopped sampling: {}", e.getMessage());
            failure = e;
        } finally {
            threadCpuUsed = threadCpuNanos.getAsLong() - cpuAtStart;
        }
    }

    private void sample() {
        MonitorSample sample;
        synchronized (this) {
            sample = window.add(source.read());
            latest = Optional.of(sample);
        }
        for (Consumer<MonitorSample> listener : listeners) {
            try {
                listener.accept(sample);
            } catch (RuntimeException e) {
                LOG.warn("a monitor listener failed on a sample", e);
            }
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static LongSupplier currentThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        if (!threads.isCurrentThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            LOG.warn("this JVM cannot measure a thread's CPU time; the monitor reports its overhead as 0");
            return () -> 0L;
        }
        return threads::getCurrentThreadCpuTime;
    }
}
