package io.schedcp.slo.control;

import io.schedcp.slo.config.ConfigOrigin;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.config.SloLimits;
import io.schedcp.slo.stats.GroupStatus;
import io.schedcp.slo.stats.LatencyPercentiles;
import io.schedcp.slo.stats.MissEvent;
import io.schedcp.slo.stats.SloStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

/** A running scx_slo as a test sees it: a fixed status, the changes it was given, or a failure to raise. */
final class FakeSloControl implements SloControl {

    /** A status with every field set and every optional both present (the group) and absent (the rest). */
    static final SloStatus STATUS = new SloStatus(
            Instant.parse("2026-12-02T03:00:00.123456789Z"),
            1_000_000_000L,
            2,
            new GroupStatus(
                    Optional.empty(),
                    0,
                    0,
                    20_000_000L,
                    50,
                    0,
                    0.0,
                    Optional.empty(),
                    0,
                    0,
                    OptionalDouble.empty(),
                    0,
                    0),
            List.of(new GroupStatus(
                    Optional.of("/lat"),
                    4242L,
                    1,
                    2_000_000L,
                    1_000,
                    10,
                    0.01,
                    Optional.of(new LatencyPercentiles(12_000, 900_000, 2_500_000)),
                    900_000,
                    3_000_000,
                    OptionalDouble.of(0.25),
                    2,
                    4)),
            List.of(new MissEvent(4242L, 77, 1, 3_000_000L, 123L)));

    final List<GroupChange> changes = new CopyOnWriteArrayList<>();
    private volatile Optional<RuntimeException> failure = Optional.empty();

    /** From now on every call throws {@code e}. */
    void failWith(RuntimeException e) {
        failure = Optional.of(e);
    }

    @Override
    public SloStatus status() {
        failure.ifPresent(e -> {
            throw e;
        });
        return STATUS;
    }

    /** The change applied to a group of slo.yaml line 4, or to a new one with the defaults. */
    @Override
    public SloGroup set(GroupChange change) {
        failure.ifPresent(e -> {
            throw e;
        });
        changes.add(change);
        return new SloGroup(
                change.cgroup(),
                change.budgetNs().orElse(SloLimits.DEFAULT_BUDGET_NS),
                change.importance().orElse(SloLimits.DEFAULT_IMPORTANCE),
                change.maxCpuPct().orElse(SloLimits.DEFAULT_MAX_CPU_PCT),
                Optional.of(new ConfigOrigin("slo.yaml", 4)));
    }
}
