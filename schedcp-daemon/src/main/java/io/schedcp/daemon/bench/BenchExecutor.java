package io.schedcp.daemon.bench;

import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.bench.BenchProgress;
import io.schedcp.core.bench.BenchResult;
import java.util.function.Consumer;

/**
 * What runs a bench: the library's {@link io.schedcp.core.bench.BenchRunner} in the daemon, a script in tests.
 */
@FunctionalInterface
public interface BenchExecutor {

    /** Runs {@code plan}, telling {@code progress} each step, and returns every run and the comparison. */
    BenchResult run(BenchPlan plan, Consumer<BenchProgress> progress) throws InterruptedException;
}
