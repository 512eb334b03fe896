package io.schedcp.core.bench;

import java.util.List;

/** A finished bench: what was asked, every run, and the comparison of the schedulers. */
public record BenchResult(BenchPlan plan, List<BenchRun> runs, Comparison comparison) {

    public BenchResult {
        runs = List.copyOf(runs);
    }
}
