package io.schedcp.slo.stats;

/**
 * One deadline miss, as scx_slo sends it ({@code struct slo_miss_event}).
 *
 * @param cgroupId    the configured group's cgroup id, or 0 for a task in no configured group
 * @param latenessNs  how long after its deadline the task started running
 * @param timestampNs when it started running, on the kernel's monotonic clock ({@code bpf_ktime_get_ns})
 */
public record MissEvent(long cgroupId, int pid, int cpu, long latenessNs, long timestampNs) {}
