package io.schedcp.bpf.custom;

import io.schedcp.bpf.custom.VerificationResult.WorkloadReport;
import io.schedcp.core.process.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The small workload that runs while a scheduler is verified: more busy threads than CPUs, each doing units of
 * about a millisecond of arithmetic with a short sleep every few units (so tasks block, wake and compete), plus
 * a short-lived process started every half second (so tasks are created and exit). It records the longest
 * gap between two units of one thread, which is how long a runnable task waited.
 */
final class VerifyWorkload {

    static final Duration UNIT = Duration.ofMillis(1);
    static final int UNITS_PER_SLEEP = 5;
    static final Duration SPAWN_EVERY = Duration.ofMillis(500);
    private static final List<Path> TRUE = List.of(Path.of("/bin/true"), Path.of("/usr/bin/true"));

    private final int threadCount;
    private final Duration length;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong units = new AtomicLong();
    private final AtomicLong maxGapNanos = new AtomicLong();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile long sink;

    VerifyWorkload(int threadCount, Duration length) {
        this.threadCount = threadCount;
        this.length = length;
    }

    /** Two threads per CPU, at least four. */
    static int defaultThreads() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    void start() {
        long deadline = System.nanoTime() + length.toNanos();
        for (int i = 0; i < threadCount; i++) {
            threads.add(daemon("verify-busy-" + i, () -> busy(deadline)));
        }
        threads.add(daemon("verify-spawn", () -> spawn(deadline)));
    }

    /** Waits up to {@code grace} past the workload's length for every thread to end; the figures either way. */
    WorkloadReport finish(Duration grace) throws InterruptedException {
        long until = System.nanoTime() + grace.toNanos();
        boolean all = true;
        for (Thread thread : threads) {
            long left = until - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, left / 1_000_000));
            }
            if (thread.isAlive()) {
                all = false;
            }
        }
        return new WorkloadReport(
                threadCount,
                all && finished.get() == started.get(),
                units.get(),
                maxGapNanos.get() / 1e6,
                started.get(),
                finished.get());
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void busy(long deadline) {
        long last = System.nanoTime();
        int count = 0;
        while (last < deadline) {
            long stop = last + UNIT.toNanos();
            long x = sink;
            while (System.nanoTime() < stop) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
            long now = System.nanoTime();
            maxGapNanos.accumulateAndGet(now - last - UNIT.toNanos(), Math::max);
            units.incrementAndGet();
            if (++count % UNITS_PER_SLEEP == 0) {
                sleep(Duration.ofMillis(1));
                now = System.nanoTime();
            }
            last = now;
        }
    }

    private void spawn(long deadline) {
        Path binary = TRUE.stream().filter(Files::isExecutable).findFirst().orElse(null);
        while (binary != null && System.nanoTime() < deadline) {
            started.incrementAndGet();
            try {
                Process process =
                        ChildEnvironment.builder(List.of(binary.toString())).start();
                if (process.waitFor(
                        Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 5_000, TimeUnit.MILLISECONDS)) {
                    finished.incrementAndGet();
                }
            } catch (IOException e) {
                finished.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(SPAWN_EVERY);
        }
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
