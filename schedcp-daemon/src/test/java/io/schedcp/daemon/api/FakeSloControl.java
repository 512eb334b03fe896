package io.schedcp.daemon.api;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.control.GroupChange;
import io.schedcp.slo.control.SloControl;
import io.schedcp.slo.stats.GroupStatus;
import io.schedcp.slo.stats.LatencyPercentiles;
import io.schedcp.slo.stats.MissEvent;
import io.schedcp.slo.stats.SloStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A running scx_slo without a socket: it reports the status it was given, records each change and applies it
 * to a group with the defaults; with no status it fails as the real client does when no agent listens.
 */
public final class FakeSloControl implements SloControl {

    /** The real client's message when nothing listens on the socket. */
    public static final String NOT_RUNNING = "scx_slo is not running: no agent listens on /tmp/slo.sock; start it "
            + "with `schedcp run scx_slo -- --config FILE`";

    /** Every change asked for, in order. */
    public final List<GroupChange> changes = new CopyOnWriteArrayList<>();

    private final Optional<SloStatus> status;

    private FakeSloControl(Optional<SloStatus> status) {
        this.status = status;
    }

    public static FakeSloControl running(SloStatus status) {
        return new FakeSloControl(Optional.of(status));
    }

    public static FakeSloControl notRunning() {
        return new FakeSloControl(Optional.empty());
    }

    /**
     * Two configured groups, lat (with misses) and batch (no run yet), the unconfigured tasks, and three misses:
     * one of lat, one of the unconfigured tasks and one of a cgroup id no group has.
     */
    public static SloStatus sampleStatus() {
        GroupStatus lat = new GroupStatus(
                Optional.of("lat"),
                101,
                1,
                2_000_000,
                1200,
                3,
                0.0025,
                Optional.of(new LatencyPercentiles(45_000, 1_800_000, 2_500_000)),
                150_000,
                400_000,
                OptionalDouble.of(0.125),
                0,
                0);
        GroupStatus batch = new GroupStatus(
                Optional.of("batch"),
                102,
                2,
                50_000_000,
                0,
                0,
                0,
                Optional.empty(),
                0,
                0,
                OptionalDouble.of(0.5),
                2,
                7);
        GroupStatus unconfigured = new GroupStatus(
                Optional.empty(),
                0,
                0,
                20_000_000,
                5000,
                10,
                0.002,
                Optional.of(new LatencyPercentiles(30_000, 900_000, 5_000_000)),
                80_000,
                1_000_000,
                OptionalDouble.of(0.3),
                1,
                0);
        return new SloStatus(
                Instant.parse("2026-12-02T15:00:00Z"),
                1_000_000_000L,
                4,
                unconfigured,
                List.of(lat, batch),
                List.of(
                        new MissEvent(101, 4242, 3, 400_000, 9_000),
                        new MissEvent(0, 77, 1, 1_000_000, 8_000),
                        new MissEvent(999, 5, 0, 12_345, 7_000)));
    }

    @Override
    public SloStatus status() {
        return status.orElseThrow(() -> new SchedcpException(Kind.UNAVAILABLE, NOT_RUNNING));
    }

    @Override
    public SloGroup set(GroupChange change) {
        status();
        changes.add(change);
        return new SloGroup(
                change.cgroup(),
                change.budgetNs().orElse(20_000_000L),
                change.importance().orElse(0),
                change.maxCpuPct().orElse(100),
                Optional.empty());
    }
}
