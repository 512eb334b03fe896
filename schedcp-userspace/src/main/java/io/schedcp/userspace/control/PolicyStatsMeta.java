package io.schedcp.userspace.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to {@code stats_meta}: what each object of a {@code stats} answer is and what each of its fields
 * means, by their names on the wire, as scx_stats describes a scheduler's stats to tools that show them.
 * Written by hand from the records' documentation; a test holds it to the records' components.
 */
final class PolicyStatsMeta {

    /** One object of the stats. */
    record Type(String desc, Map<String, Field> fields) {
        Type {
            // In the order written, for a reader of the JSON.
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** One field of an object. */
    record Field(String desc) {}

    private PolicyStatsMeta() {}

    /** By object name: {@code policy_status} (the answer itself), {@code userspace_counters}, {@code loop_stats}. */
    static Map<String, Type> all() {
        Map<String, Type> types = new LinkedHashMap<>();
        types.put(
                "policy_status",
                type(
                        "What scx_userspace reports at one time: the policy, BPF's counters, the round trip and the"
                                + " decision loop's counters",
                        "policy",
                        "the running policy's name",
                        "counters",
                        "the counters BPF keeps (userspace_counters)",
                        "round_trips",
                        "how many enqueue-to-dispatch round trips the percentiles are of",
                        "rtt_p50_ns",
                        "the median round trip, in ns",
                        "rtt_p99_ns",
                        "the 99th percentile round trip, in ns",
                        "rtt_p999_ns",
                        "the 99.9th percentile round trip, in ns",
                        "loop",
                        "what the agent's decision loop has done (loop_stats)"));
        types.put(
                "userspace_counters",
                type(
                        "The counters BPF keeps, since the scheduler attached",
                        "queued",
                        "tasks sent to user space",
                        "user_dispatched",
                        "tasks dispatched as the policy decided",
                        "fallback",
                        "tasks dispatched by BPF, first in first out, because user space stalled or the ring was full",
                        "cancelled",
                        "decisions dropped because the task had been queued again, or had left",
                        "failed",
                        "decision records BPF could not read",
                        "direct",
                        "the agent's own threads and per-CPU kernel threads, dispatched by BPF without the policy",
                        "demoted",
                        "priority decisions the starvation guard turned into ordinary ones",
                        "stalls",
                        "times the fallback started because user space had not answered in time",
                        "ring_full",
                        "tasks that found the ring to user space full"));
        types.put(
                "loop_stats",
                type(
                        "What the agent's decision loop has done since it started",
                        "tasks_read",
                        "task records read from the queued ring",
                        "dispatched",
                        "dispatch records written to the dispatched ring",
                        "kept",
                        "tasks the policy kept for later",
                        "ring_full",
                        "times a dispatch found the dispatched ring full and waited for the next round",
                        "malformed",
                        "records too short to be a task, skipped"));
        return types;
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
