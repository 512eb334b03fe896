package io.schedcp.slo.maps;

/**
 * The sizes and offsets of the structs in bpf/slo/scx_slo.h, worked out by hand from the C (each field
 * naturally aligned; the header pads explicitly, so there are no hidden holes). {@code SloLayoutTest} reads the
 * header and checks these stay in step with it.
 */
public final class SloLayout {

    public static final int MAX_GROUPS = 256;
    public static final int HIST_BUCKETS = 64;
    /** The cgroup id of miss events for tasks in no configured group. */
    public static final long UNCONFIGURED = 0L;

    // struct slo_cfg
    public static final int CFG_BUDGET_NS = 0;
    public static final int CFG_IMPORTANCE = 8;
    public static final int CFG_FLAGS = 12;
    public static final int CFG_MAX_CPU_PCT = 16;
    public static final int CFG_SLOT = 20;
    public static final int CFG_SIZE = 24;

    // struct slo_stats
    public static final int STATS_RUNS = 0;
    public static final int STATS_MISSES = 8;
    public static final int STATS_TOTAL_LATENESS_NS = 16;
    public static final int STATS_MAX_LATENESS_NS = 24;
    public static final int STATS_CPU_NS = 32;
    public static final int STATS_DROPPED_EVENTS = 40;
    public static final int STATS_THROTTLED = 48;
    public static final int STATS_PAD = 56;
    public static final int STATS_HIST = 64;
    public static final int STATS_SIZE = STATS_HIST + HIST_BUCKETS * Long.BYTES;

    // struct slo_miss_event
    public static final int EVENT_CGROUP_ID = 0;
    public static final int EVENT_PID = 8;
    public static final int EVENT_CPU = 12;
    public static final int EVENT_LATENESS_NS = 16;
    public static final int EVENT_TIMESTAMP_NS = 24;
    public static final int EVENT_SIZE = 32;

    private SloLayout() {}

    /** libbpf lays a per-CPU map's values out one per possible CPU, each rounded up to 8 bytes. */
    public static int perCpuStride(int valueSize) {
        return (valueSize + 7) & ~7;
    }
}
