package io.schedcp.userspace.control;

import io.schedcp.userspace.loop.LoopStats;
import io.schedcp.userspace.stats.UserspaceCounters;

/** A status with every figure different, so that a field read in place of another shows. */
final class Statuses {

    static final PolicyStatus STATUS = new PolicyStatus(
            "strategies",
            new UserspaceCounters(1, 2, 3, 4, 5, 6, 7, 8, 9),
            1000,
            12_000,
            99_000,
            250_000,
            new LoopStats(11, 12, 13, 14, 15));

    private Statuses() {}
}
