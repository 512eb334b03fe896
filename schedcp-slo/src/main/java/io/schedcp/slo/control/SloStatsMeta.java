package io.schedcp.slo.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to {@code stats_meta}: what each object of a {@code stats} answer is and what each of its fields
 * means, by their names on the wire, as scx_stats describes a scheduler's stats to tools that show them.
 * Written by hand from the records' documentation; a test holds it to the records' components.
 */
final class SloStatsMeta {

    /** One object of the stats. */
    record Type(String desc, Map<String, Field> fields) {
        Type {
            // In the order written, for a reader of the JSON.
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** One field of an object. */
    record Field(String desc) {}

    private SloStatsMeta() {}

    /** By object name: {@code slo_status} (the answer itself), {@code group_status}, and the objects in them. */
    static Map<String, Type> all() {
        Map<String, Type> types = new LinkedHashMap<>();
        types.put("slo_status", sloStatus());
        types.put("group_status", groupStatus());
        types.put("latency_percentiles", latencyPercentiles());
        types.put("miss_event", missEvent());
        return types;
    }

    private static Type sloStatus() {
        return type(
                "What scx_slo reports at one time: each configured group's figures, those of the tasks in no"
                        + " configured group, and the most recent deadline misses",
                "taken_at",
                "when the figures were read (ISO-8601, UTC)",
                "interval_ns",
                "the time between the two readings the CPU shares are over; 0 after one reading",
                "cpus",
                "the number of CPUs the CPU shares are of",
                "unconfigured",
                "the figures of the tasks in no configured group (a group_status without cgroup)",
                "groups",
                "each configured group's figures (group_status)",
                "recent_misses",
                "the most recent deadline misses (miss_event), newest first");
    }

    private static Type groupStatus() {
        return type(
                "One group's figures; counts run from when the group got its stats slot",
                "cgroup",
                "the cgroup as configured; left out for the tasks in no configured group",
                "cgroup_id",
                "the cgroup's id; 0 for the tasks in no configured group",
                "slot",
                "the group's index in scx_slo's stats array; 0 for the tasks in no configured group",
                "budget_ns",
                "the wake-to-run budget (for the unconfigured tasks, the default before weight scaling)",
                "runs",
                "wake-ups that got to run",
                "misses",
                "of those, how many ran after their deadline",
                "miss_ratio",
                "misses over runs, 0 before any run",
                "wake_to_run",
                "latency percentiles of the runs (latency_percentiles); left out before any run",
                "mean_lateness_ns",
                "the mean lateness of the misses, 0 before any miss",
                "max_lateness_ns",
                "the latest a miss ran after its deadline",
                "cpu_share",
                "CPU time over the interval times the CPUs (0..1); left out without an interval",
                "dropped_events",
                "misses not sent as events (the rate limit or a full ring buffer)",
                "throttled",
                "enqueues pushed back because the group was over its max_cpu_pct");
    }

    private static Type latencyPercentiles() {
        return type(
                "Wake-to-run latency at three percentiles, from the group's latency histogram",
                "p50_ns",
                "the median wake-to-run latency",
                "p99_ns",
                "the 99th percentile wake-to-run latency",
                "p999_ns",
                "the 99.9th percentile wake-to-run latency");
    }

    private static Type missEvent() {
        return type(
                "One deadline miss, as scx_slo sends it (struct slo_miss_event)",
                "cgroup_id",
                "the configured group's cgroup id, or 0 for a task in no configured group",
                "pid",
                "the task that missed",
                "cpu",
                "the CPU it ran on",
                "lateness_ns",
                "how long after its deadline the task started running",
                "timestamp_ns",
                "when it started running, on the kernel's monotonic clock (bpf_ktime_get_ns)");
    }

    /** @param namesAndDescs a field's name, then its description, for each field in order */
    private static Type type(String desc, String... namesAndDescs) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDescs.length; i += 2) {
            fields.put(namesAndDescs[i], new Field(namesAndDescs[i + 1]));
        }
        return new Type(desc, fields);
    }
}
