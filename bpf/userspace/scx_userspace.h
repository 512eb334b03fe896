/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The records scx_userspace and its Java agent exchange, and the indexes of its statistics. Shared by the
 * BPF program and, through the offsets written beside each field, by the Java side
 * (io.schedcp.userspace.ring.TaskRecord and DispatchRecord): change one, change the other.
 * All fields are little-endian and naturally aligned; no padding is implicit.
 */
#ifndef __SCX_USERSPACE_H
#define __SCX_USERSPACE_H

#define USPACE_COMM_LEN 16

/* task.flags */
#define USPACE_TASK_WOKE    (1ULL << 0) /* runnable after a sleep, not after using up its slice */
#define USPACE_TASK_KTHREAD (1ULL << 1)

/* dispatch.flags */
#define USPACE_DISPATCH_PRIORITY (1ULL << 0)

/* dispatch.cpu for "whichever allowed CPU is free first" */
#define USPACE_ANY_CPU (-1)

/* BPF -> Java, through the `queued` BPF_MAP_TYPE_RINGBUF: a task that needs a decision. 104 bytes. */
struct uspace_task {
	__s32 pid;              /*  0 */
	__s32 tgid;             /*  4 */
	__s32 cpu;              /*  8: last ran on, or the idle CPU picked at wake-up */
	__u32 nr_cpus_allowed;  /* 12 */
	__u64 flags;            /* 16: USPACE_TASK_* */
	__u64 start_ns;         /* 24: last started running */
	__u64 stop_ns;          /* 32: last stopped running */
	__u64 exec_runtime;     /* 40: ns run since the task last slept */
	__u64 weight;           /* 48: 100 at nice 0 */
	__u64 vtime;            /* 56 */
	__u64 cgroup_id;        /* 64 */
	__u64 enq_seq;          /* 72: the task's enqueue counter */
	__u64 enq_ns;           /* 80: when it was queued */
	char comm[USPACE_COMM_LEN]; /* 88 */
};

/* Java -> BPF, through the `dispatched` BPF_MAP_TYPE_USER_RINGBUF: a decision. 40 bytes. */
struct uspace_dispatch {
	__s32 pid;              /*  0 */
	__s32 cpu;              /*  4: a CPU, or USPACE_ANY_CPU */
	__u64 slice_ns;         /*  8: 0 for the default slice */
	__u64 vtime;            /* 16: order among any-CPU tasks, lowest first */
	__u64 flags;            /* 24: USPACE_DISPATCH_* */
	__u64 enq_seq;          /* 32: must equal the task's latest, or the dispatch is cancelled */
};

/* Indexes into the `stats` per-CPU array of u64 counters. */
enum uspace_stat {
	USPACE_STAT_QUEUED,          /* tasks sent to user space */
	USPACE_STAT_USER_DISPATCHED, /* dispatched as user space decided */
	USPACE_STAT_FALLBACK,        /* dispatched by BPF, FIFO, because user space stalled or the ring was full */
	USPACE_STAT_CANCELLED,       /* decisions dropped: stale enqueue counter, or the task is gone */
	USPACE_STAT_FAILED,          /* decisions refused: malformed record */
	USPACE_STAT_DIRECT,          /* not sent to user space: the agent's threads, per-CPU kthreads, preempted tasks */
	USPACE_STAT_DEMOTED,         /* priority taken away by the starvation guard */
	USPACE_STAT_STALLS,          /* times the fallback started because user space had not drained in time */
	USPACE_STAT_RING_FULL,       /* tasks that found the `queued` ring full (then dispatched by the fallback) */
	USPACE_NR_STATS,
};

/*
 * The enqueue-to-dispatch round trip, measured in BPF: a log2 histogram with 4 linear sub-buckets per power of
 * two, in ns. Bucket i < 4 holds the value i; above, bucket 4 * (msb - 1) + the two bits below the msb.
 */
#define USPACE_RTT_BUCKETS 256

#endif /* __SCX_USERSPACE_H */
