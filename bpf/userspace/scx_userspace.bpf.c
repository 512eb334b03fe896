/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scx_userspace - the scheduling decisions are made in user space, by a Java policy; BPF keeps the machine safe.
 *
 * Policy: each task that becomes runnable (it woke up, or used up its slice) is sent to the agent through the
 * `queued` ring buffer, with what a policy needs to decide (weight, vtime, runtime since it slept, cgroup, comm)
 * and an enqueue counter, and stays in BPF's custody. The agent's policy answers through the `dispatched`
 * user ring buffer, which each CPU drains when it looks for work: a task goes to one CPU's local queue, or to a
 * shared queue ordered by the vtime the policy gave (a priority queue ahead of it). A decision whose counter is
 * not the task's latest (the task was queued again, or left) is cancelled. A task preempted before its slice
 * ended keeps its decision: it goes back to its place in the shared queue with what is left of its slice.
 *
 * Safety:
 * - The agent's own threads (tgid agent_tgid) and per-CPU kernel threads never go through the policy: they
 *   are dispatched here, so that a JVM thread cannot wait on itself; the decision loop's thread (loop_tid) runs
 *   ahead of everything, the JVM's other threads share the CPUs fairly.
 * - When user space has not answered for stall_ns (a GC pause, SIGSTOP), the tasks in custody are dispatched
 *   here, first in first out, from the `pending` ring of enqueue records, and tasks queued meanwhile go straight
 *   to that FIFO; a heartbeat timer wakes an idle CPU to do it, so the kernel's watchdog never sees a stall.
 *   One silence is one stall in the counters, however long it lasts.
 * - A priority decision for a task that has run priority_budget_ns without sleeping is demoted to the shared
 *   queue (and counted), so a high-priority CPU hog cannot take every CPU.
 * Every path is counted in the per-CPU `stats` array; the enqueue-to-dispatch round trip goes into `rtt_hist`.
 * Exit information goes through UEI.
 *
 * Limits: one shared queue; the fallback sees the last USPACE_PENDING enqueues (older tasks in custody wait for
 * the agent, or for the scheduler's exit when the agent dies and its link closes).
 */
#include <scx/common.bpf.h>
#include "scx_userspace.h"

char _license[] SEC("license") = "GPL";

UEI_DEFINE(uei);

#define AGENT_DSQ	0
#define PRIORITY_DSQ	1
#define FALLBACK_DSQ	2
#define SHARED_DSQ	3
#define USPACE_PENDING	8192
#define FALLBACK_BATCH	64
#define MAX_SLICE_NS	(1000ULL * 1000 * 1000)
#define PF_KTHREAD	0x00200000

/* Set by the agent before load. */
const volatile s32 agent_tgid;
const volatile u64 slice_ns = 5 * 1000 * 1000;
const volatile u64 stall_ns = 50 * 1000 * 1000;
const volatile u64 priority_budget_ns = 20 * 1000 * 1000;
const volatile u32 nr_cpus;	/* 0: the kernel's nr_cpu_ids */
/* Whether the decision loop, waking with no CPU idle, preempts the CPU that woke it (lower latency, more
 * context switches); without, it runs at the next CPU that looks for work, and tasks queue up in batches. */
const volatile bool preempt_for_agent = false;
/* Written by the agent before attach: the thread of its decision loop, which runs ahead of every other task. */
volatile s32 loop_tid;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 512 * 1024);
} queued SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_USER_RINGBUF);
	__uint(max_entries, 256 * 1024);
} dispatched SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, USPACE_NR_STATS);
	__type(key, u32);
	__type(value, u64);
} stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, USPACE_RTT_BUCKETS);
	__type(key, u32);
	__type(value, u64);
} rtt_hist SEC(".maps");

/* The fallback's FIFO: one entry per task sent to user space, written at pending_tail. */
struct pending_entry {
	s32 pid;
	u32 pad;
	u64 enq_seq;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, USPACE_PENDING);
	__type(key, u32);
	__type(value, struct pending_entry);
} pending SEC(".maps");

struct heartbeat {
	struct bpf_timer timer;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct heartbeat);
} heartbeat_timer SEC(".maps");

struct task_ctx {
	u64 enq_seq;
	u64 enq_ns;
	u64 start_ns;
	u64 stop_ns;
	u64 runtime_since_sleep;
	u32 in_custody;	/* 1 while sent to user space and not yet dispatched; claimed by compare-and-swap */
	u32 woke;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_ctx);
} task_ctxs SEC(".maps");

static u64 pending_tail, pending_head;
static u32 fallback_busy;
/* Tasks in custody, and when user space last showed it is alive (a decision applied, or nothing pending). */
static u64 custody;
static u64 progress_ns;
static bool stalled_now;
/* A stall is counted once, from its start until user space applies a decision again: the fallback emptying the
 * custody and new tasks going to a still silent user space do not start another one. */
static bool stall_counted;
/* The newest vtime that started running: the agent's other threads queue at most one slice behind it. */
static u64 vtime_now;

static u32 cpus(void)
{
	return nr_cpus ? nr_cpus : scx_bpf_nr_cpu_ids();
}

static void count(u32 stat)
{
	u64 *c = bpf_map_lookup_elem(&stats, &stat);

	if (c)
		(*c)++;
}

static struct task_ctx *ctx_of(struct task_struct *p)
{
	return bpf_task_storage_get(&task_ctxs, p, 0, 0);
}

/* Takes @tctx's task out of custody; false if a decision, the fallback or a dequeue took it first. */
static bool claim(struct task_ctx *tctx)
{
	if (!__sync_bool_compare_and_swap(&tctx->in_custody, 1, 0))
		return false;
	__sync_fetch_and_sub(&custody, 1);
	return true;
}

static bool stalled(u64 now)
{
	/* time_after, not now - progress_ns: another CPU may have moved progress_ns past this CPU's now. */
	bool stall = custody > 0 && time_after(now, progress_ns + stall_ns);

	if (custody == 0)
		progress_ns = now;
	if (stall && !stall_counted) {
		stall_counted = true;
		count(USPACE_STAT_STALLS);
	}
	stalled_now = stall;
	return stall;
}

static u32 rtt_bucket(u64 ns)
{
	u32 msb;

	if (ns < 4)
		return ns;
	msb = log2_u64(ns) - 1;	/* log2_u64 counts the bits */
	return (4 * (msb - 1) + ((ns >> (msb - 2)) & 3)) & (USPACE_RTT_BUCKETS - 1);
}

static void kick_idle_for(struct task_struct *p)
{
	s32 cpu = scx_bpf_pick_idle_cpu(p->cpus_ptr, 0);

	if (cpu >= 0)
		scx_bpf_kick_cpu(cpu, SCX_KICK_IDLE);
}

static bool is_agent(struct task_struct *p)
{
	return p->tgid == agent_tgid;
}

/* Only the agent's threads take an idle CPU here. Claiming one for a task that then waits for its decision
 * would wake that CPU for nothing, and hide it from the CPU search the decision makes. */
s32 BPF_STRUCT_OPS(uspace_select_cpu, struct task_struct *p, s32 prev_cpu, u64 wake_flags)
{
	bool idle = false;
	s32 cpu;

	if (!is_agent(p))
		return prev_cpu;
	cpu = scx_bpf_select_cpu_dfl(p, prev_cpu, wake_flags, &idle);
	if (idle) {
		scx_bpf_dsq_insert(p, SCX_DSQ_LOCAL, slice_ns, 0);
		count(USPACE_STAT_DIRECT);
	}
	return cpu;
}

void BPF_STRUCT_OPS(uspace_runnable, struct task_struct *p, u64 enq_flags)
{
	struct task_ctx *tctx = ctx_of(p);

	if (tctx) {
		tctx->runtime_since_sleep = 0;
		tctx->woke = 1;
	}
}

/* Hands @p to user space; false if the ring is full. */
static bool send_to_user(struct task_struct *p, struct task_ctx *tctx, u64 now)
{
	struct uspace_task *t = bpf_ringbuf_reserve(&queued, sizeof(*t), 0);
	struct pending_entry *e;
	struct cgroup *cg;
	u32 slot;

	if (!t)
		return false;
	tctx->enq_seq++;
	tctx->enq_ns = now;
	t->pid = p->pid;
	t->tgid = p->tgid;
	t->cpu = scx_bpf_task_cpu(p);
	t->nr_cpus_allowed = p->nr_cpus_allowed;
	t->flags = (tctx->woke ? USPACE_TASK_WOKE : 0) | (p->flags & PF_KTHREAD ? USPACE_TASK_KTHREAD : 0);
	t->start_ns = tctx->start_ns;
	t->stop_ns = tctx->stop_ns;
	t->exec_runtime = tctx->runtime_since_sleep;
	t->weight = p->scx.weight;
	t->vtime = p->scx.dsq_vtime;
	cg = p->cgroups->dfl_cgrp;
	t->cgroup_id = cg ? cg->kn->id : 0;
	t->enq_seq = tctx->enq_seq;
	t->enq_ns = now;
	__builtin_memcpy(t->comm, p->comm, USPACE_COMM_LEN);
	tctx->woke = 0;

	slot = __sync_fetch_and_add(&pending_tail, 1) % USPACE_PENDING;
	if ((e = bpf_map_lookup_elem(&pending, &slot))) {
		e->pid = p->pid;
		e->enq_seq = tctx->enq_seq;
	}
	if (__sync_fetch_and_add(&custody, 1) == 0)
		progress_ns = now;
	tctx->in_custody = 1;
	bpf_ringbuf_submit(t, 0);
	count(USPACE_STAT_QUEUED);
	return true;
}

/* The agent's threads never wait on its policy. The decision loop runs first: an idle CPU takes it, or the next
 * CPU that looks for work (or, with preempt_for_agent, the CPU that woke it, at once). The JVM's other threads
 * (the JIT, the GC) share the CPUs fairly. */
static void enqueue_agent(struct task_struct *p, u64 enq_flags)
{
	s32 local = bpf_get_smp_processor_id();
	u64 vtime = p->scx.dsq_vtime;

	count(USPACE_STAT_DIRECT);
	if (p->pid != loop_tid) {
		if (time_before(vtime, vtime_now - slice_ns))
			vtime = vtime_now - slice_ns;
		scx_bpf_dsq_insert_vtime(p, SHARED_DSQ, slice_ns, vtime, enq_flags);
		kick_idle_for(p);
		return;
	}
	scx_bpf_dsq_insert(p, AGENT_DSQ, slice_ns, enq_flags);
	if (scx_bpf_pick_idle_cpu(p->cpus_ptr, 0) >= 0)
		kick_idle_for(p);
	else if (preempt_for_agent && (enq_flags & SCX_ENQ_WAKEUP) && bpf_cpumask_test_cpu(local, p->cpus_ptr))
		scx_bpf_kick_cpu(local, SCX_KICK_PREEMPT);
}

void BPF_STRUCT_OPS(uspace_enqueue, struct task_struct *p, u64 enq_flags)
{
	struct task_ctx *tctx;
	u64 now;

	if (is_agent(p)) {
		enqueue_agent(p, enq_flags);
		return;
	}
	if ((p->flags & PF_KTHREAD) && p->nr_cpus_allowed == 1) {
		scx_bpf_dsq_insert(p, SCX_DSQ_LOCAL, slice_ns, enq_flags);
		count(USPACE_STAT_DIRECT);
		return;
	}
	/* Preempted before its slice ended (by the agent, or a priority task): its decision stands. It goes back to
	 * its place in the shared queue with what is left of its slice, without another round trip. */
	if (!(enq_flags & SCX_ENQ_WAKEUP) && p->scx.slice > 0 && p->scx.slice < slice_ns) {
		scx_bpf_dsq_insert_vtime(p, SHARED_DSQ, p->scx.slice, p->scx.dsq_vtime, enq_flags);
		count(USPACE_STAT_DIRECT);
		return;
	}
	now = bpf_ktime_get_ns();
	tctx = ctx_of(p);
	if (tctx && !stalled(now) && send_to_user(p, tctx, now))
		return;
	if (tctx && !stalled_now)
		count(USPACE_STAT_RING_FULL);
	scx_bpf_dsq_insert(p, FALLBACK_DSQ, slice_ns, enq_flags);
	count(USPACE_STAT_FALLBACK);
	kick_idle_for(p);
}

/* Applies one decision from the `dispatched` ring; returns 1 to stop draining when no dispatch slot is left. */
static long apply_decision(struct bpf_dynptr *dynptr, void *data)
{
	struct uspace_dispatch *d = bpf_dynptr_data(dynptr, 0, sizeof(*d));
	u64 now = bpf_ktime_get_ns(), slice;
	struct task_struct *p;
	struct task_ctx *tctx;
	bool priority;
	u32 bucket;
	u64 *b;

	if (!d) {
		count(USPACE_STAT_FAILED);
		return 0;
	}
	p = bpf_task_from_pid(d->pid);
	if (!p) {
		count(USPACE_STAT_CANCELLED);
		return 0;
	}
	tctx = ctx_of(p);
	if (!tctx || tctx->enq_seq != d->enq_seq || !claim(tctx)) {
		count(USPACE_STAT_CANCELLED);
		bpf_task_release(p);
		return 0;
	}
	progress_ns = now;
	stall_counted = false;
	bucket = rtt_bucket(now - tctx->enq_ns);
	if ((b = bpf_map_lookup_elem(&rtt_hist, &bucket)))
		(*b)++;
	slice = d->slice_ns ? (d->slice_ns < MAX_SLICE_NS ? d->slice_ns : MAX_SLICE_NS) : slice_ns;
	if (d->cpu >= 0 && d->cpu < cpus() && bpf_cpumask_test_cpu(d->cpu, p->cpus_ptr)) {
		scx_bpf_dsq_insert(p, SCX_DSQ_LOCAL_ON | d->cpu, slice, 0);
		scx_bpf_kick_cpu(d->cpu, SCX_KICK_IDLE);
	} else {
		priority = d->flags & USPACE_DISPATCH_PRIORITY;
		if (priority && tctx->runtime_since_sleep >= priority_budget_ns) {
			priority = false;
			count(USPACE_STAT_DEMOTED);
		}
		scx_bpf_dsq_insert_vtime(p, priority ? PRIORITY_DSQ : SHARED_DSQ, slice, d->vtime, 0);
		kick_idle_for(p);
	}
	count(USPACE_STAT_USER_DISPATCHED);
	bpf_task_release(p);
	return scx_bpf_dispatch_nr_slots() > 0 ? 0 : 1;
}

/* User space stalled: dispatch what it holds, first in first out. One CPU at a time. */
static void fallback_drain(void)
{
	u64 head, tail;
	int i;

	if (!__sync_bool_compare_and_swap(&fallback_busy, 0, 1))
		return;
	tail = pending_tail;
	head = pending_head;
	if (tail - head > USPACE_PENDING)
		head = tail - USPACE_PENDING;
	bpf_for(i, 0, FALLBACK_BATCH) {
		struct pending_entry *e;
		struct task_struct *p;
		struct task_ctx *tctx;
		u32 slot;

		if (head == tail) {
			custody = 0;	/* nothing left that the fallback can see: user space gets new tasks again */
			break;
		}
		if (scx_bpf_dispatch_nr_slots() == 0)
			break;
		slot = head++ % USPACE_PENDING;
		if (!(e = bpf_map_lookup_elem(&pending, &slot)) || !(p = bpf_task_from_pid(e->pid)))
			continue;
		tctx = ctx_of(p);
		if (tctx && tctx->enq_seq == e->enq_seq && claim(tctx)) {
			scx_bpf_dsq_insert(p, FALLBACK_DSQ, slice_ns, 0);
			count(USPACE_STAT_FALLBACK);
		}
		bpf_task_release(p);
	}
	pending_head = head;
	fallback_busy = 0;
}

void BPF_STRUCT_OPS(uspace_dispatch, s32 cpu, struct task_struct *prev)
{
	if (scx_bpf_dispatch_nr_slots() > 0)
		bpf_user_ringbuf_drain(&dispatched, apply_decision, NULL, 0);
	if (stalled(bpf_ktime_get_ns()))
		fallback_drain();
	if (scx_bpf_dsq_move_to_local(AGENT_DSQ, 0) || scx_bpf_dsq_move_to_local(PRIORITY_DSQ, 0) ||
	    scx_bpf_dsq_move_to_local(FALLBACK_DSQ, 0))
		return;
	scx_bpf_dsq_move_to_local(SHARED_DSQ, 0);
}

void BPF_STRUCT_OPS(uspace_running, struct task_struct *p)
{
	struct task_ctx *tctx = ctx_of(p);

	if (tctx)
		tctx->start_ns = bpf_ktime_get_ns();
	if (time_after(p->scx.dsq_vtime, vtime_now))
		vtime_now = p->scx.dsq_vtime;
}

void BPF_STRUCT_OPS(uspace_stopping, struct task_struct *p, bool runnable)
{
	struct task_ctx *tctx = ctx_of(p);
	u64 now = bpf_ktime_get_ns(), ran;

	if (!tctx)
		return;
	ran = now - tctx->start_ns;
	tctx->stop_ns = now;
	tctx->runtime_since_sleep += ran;
	p->scx.dsq_vtime += ran * 100 / (p->scx.weight ? p->scx.weight : 100);
}

void BPF_STRUCT_OPS(uspace_dequeue, struct task_struct *p, u64 deq_flags)
{
	struct task_ctx *tctx = ctx_of(p);

	if (tctx)
		claim(tctx);
}

/* Wakes the CPUs while tasks wait in custody, so that an idle machine runs the fallback too. */
static int heartbeat(void *map, int *key, struct bpf_timer *timer)
{
	int cpu;

	if (stalled(bpf_ktime_get_ns())) {
		bpf_for(cpu, 0, cpus())
			scx_bpf_kick_cpu(cpu, SCX_KICK_IDLE);
	}
	bpf_timer_start(timer, stall_ns / 4, 0);
	return 0;
}

s32 BPF_STRUCT_OPS(uspace_init_task, struct task_struct *p, struct scx_init_task_args *args)
{
	if (!bpf_task_storage_get(&task_ctxs, p, 0, BPF_LOCAL_STORAGE_GET_F_CREATE))
		return -ENOMEM;
	return 0;
}

s32 BPF_STRUCT_OPS_SLEEPABLE(uspace_init)
{
	struct bpf_timer *timer;
	u32 key = 0;
	s32 ret;

	if (agent_tgid <= 0) {
		scx_bpf_error("agent_tgid is not set (%d): the agent sets it before load", agent_tgid);
		return -EINVAL;
	}
	if ((ret = scx_bpf_create_dsq(AGENT_DSQ, -1)) || (ret = scx_bpf_create_dsq(PRIORITY_DSQ, -1)) ||
	    (ret = scx_bpf_create_dsq(FALLBACK_DSQ, -1)) || (ret = scx_bpf_create_dsq(SHARED_DSQ, -1)))
		return ret;
	timer = bpf_map_lookup_elem(&heartbeat_timer, &key);
	if (!timer)
		return -ESRCH;
	bpf_timer_init(timer, &heartbeat_timer, CLOCK_MONOTONIC);
	bpf_timer_set_callback(timer, heartbeat);
	return bpf_timer_start(timer, stall_ns / 4, 0);
}

void BPF_STRUCT_OPS(uspace_exit, struct scx_exit_info *ei)
{
	UEI_RECORD(uei, ei);
}

SCX_OPS_DEFINE(userspace_ops,
	       .select_cpu		= (void *)uspace_select_cpu,
	       .runnable		= (void *)uspace_runnable,
	       .enqueue			= (void *)uspace_enqueue,
	       .dequeue			= (void *)uspace_dequeue,
	       .dispatch		= (void *)uspace_dispatch,
	       .running			= (void *)uspace_running,
	       .stopping		= (void *)uspace_stopping,
	       .init_task		= (void *)uspace_init_task,
	       .init			= (void *)uspace_init,
	       .exit			= (void *)uspace_exit,
	       .dispatch_max_batch	= 64,
	       .name			= "userspace");
