/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scx_slo: the layouts shared by the BPF scheduler (scx_slo.bpf.c) and its agent (the Java module
 * schedcp-slo, which reads and writes these maps through libbpf). Every struct is naturally aligned with
 * explicit padding, so its layout is the same for the BPF target and x86-64, and the agent's codecs can
 * mirror it field by field. A change here is a change of the agent's codecs too.
 */
#ifndef __SCX_SLO_H
#define __SCX_SLO_H

/* The groups that may be configured, and the depth of cgroup nesting searched for one. */
#define SLO_MAX_GROUPS		256
#define SLO_MAX_DEPTH		16
/* Latency histogram: bucket i counts wake-to-run latencies in [2^i, 2^(i+1)) ns; bucket 0 also 0 ns. */
#define SLO_HIST_BUCKETS	64
/* The cgroup id that miss events carry for tasks in no configured group (their stats slot is 0). */
#define SLO_UNCONFIGURED	0ULL

/* cfg_map: cgroup id (the cgroup2 directory's inode number) -> its budget. */
struct slo_cfg {
	__u64 budget_ns;	/* wake-to-run latency the group is promised */
	__u32 importance;	/* 0..100; ties between equal deadlines go to the more important */
	__u32 flags;		/* none defined yet; must be 0 */
	__u32 max_cpu_pct;	/* 1..100: the group's share of all CPUs per window; 100 = no cap */
	__u32 slot;		/* 1..SLO_MAX_GROUPS: the group's index in stats; 0 is the unconfigured tasks' */
};

/* stats (a per-CPU array, summed by the agent): a group's slot -> its counters. */
struct slo_stats {
	__u64 runs;			/* wake-ups that got to run */
	__u64 misses;			/* of those, how many ran after their deadline */
	__u64 total_lateness_ns;	/* sum of lateness over the misses */
	__u64 max_lateness_ns;
	__u64 cpu_ns;			/* CPU time the group's tasks ran */
	__u64 dropped_events;		/* misses not sent as events (rate limit or a full ring) */
	__u64 throttled;		/* enqueues pushed back because the group was over max_cpu_pct */
	__u64 pad;
	__u64 hist[SLO_HIST_BUCKETS];	/* wake-to-run latency, log2 buckets of ns */
};

/* events (ring buffer): one record per deadline miss, up to max_events_per_sec a second. */
struct slo_miss_event {
	__u64 cgroup_id;	/* the configured group, or SLO_UNCONFIGURED */
	__u32 pid;
	__u32 cpu;
	__u64 lateness_ns;
	__u64 timestamp_ns;	/* bpf_ktime_get_ns() when the task started running */
};

#endif /* __SCX_SLO_H */
