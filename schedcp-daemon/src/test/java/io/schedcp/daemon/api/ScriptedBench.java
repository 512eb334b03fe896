package io.schedcp.daemon.api;

import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.bench.BenchProgress;
import io.schedcp.core.bench.BenchResult;
import io.schedcp.core.bench.BenchRun;
import io.schedcp.core.bench.Comparison;
import io.schedcp.daemon.bench.BenchExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A bench in the test's hands: each step waits for the test to {@link #allow} it, so that a test sees a job
 * mid-way, and each run of each scheduler "measures" a wall time of 1.5 s.
 */
final class ScriptedBench implements BenchExecutor {

    private final Semaphore steps = new Semaphore(0);
    final CountDownLatch started = new CountDownLatch(1);

    /** Lets {@code n} more steps happen. */
    void allow(int n) {
        steps.release(n);
    }

    /** Lets every step happen. */
    void allowAll() {
        steps.release(10_000);
    }

    @Override
    public BenchResult run(BenchPlan plan, Consumer<BenchProgress> progress) throws InterruptedException {
        started.countDown();
        List<BenchRun> runs = new ArrayList<>();
        int total = plan.schedulers().size() * plan.runs();
        int step = 0;
        for (String scheduler : plan.schedulers()) {
            for (int run = 1; run <= plan.runs(); run++) {
                steps.acquire();
                step++;
                Instant now = Instant.now();
                runs.add(new BenchRun(
                        scheduler, run, now, now, Map.of(BenchRun.WALL_TIME, 1.5), "", List.of(), "h-" + step));
                progress.accept(new BenchProgress(scheduler, run, plan.runs(), step, total, "done in 1.50 s"));
            }
        }
        return new BenchResult(plan, runs, Comparison.of(plan.schedulers(), runs));
    }
}
