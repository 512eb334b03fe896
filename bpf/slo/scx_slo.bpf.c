/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scx_slo - earliest deadline first, with a latency budget per cgroup and every miss counted.
 *
 * Policy: a task that wakes up gets a deadline: the time it became runnable plus the budget of the nearest
 * ancestor of its cgroup that the agent configured (cfg_map). A task in no configured cgroup gets
 * default_budget_ns scaled by its weight, so every task has a finite deadline and none can starve. Runnable
 * tasks wait in one shared queue ordered by deadline; each CPU that needs work takes the earliest. A waking
 * task goes straight to an idle CPU when there is one; otherwise it preempts the CPU whose task would wait
 * longest if it went back to the queue, provided that is later than the waker's deadline.
 *
 * A miss is a wake-up that starts running after its deadline; lateness is by how much. Misses, runs,
 * lateness, CPU time and a log2 histogram of wake-to-run latency are counted per configured group (per-CPU
 * array stats, indexed by the group's slot), and each miss is sent on the events ring buffer, at most
 * max_events_per_sec a second: the rest are counted as dropped, never lost without a trace.
 *
 * Safety: a task that used up its slice (or was preempted) goes back with a new deadline, now plus its
 * budget, so a CPU hog cannot keep its place; a group over its max_cpu_pct share of the CPU time elapsed in the
 * current window has its deadlines pushed to when it would be within its share again: its tasks wait in a
 * queue of their own, taken from only when no other task waits or once that time has come (each such enqueue
 * counted as throttled), and preempt nobody. Exit information goes
 * through UEI.
 *
 * Limits: one shared queue (fine for small machines, a lock point on large ones); preemption scans at most
 * SLO_MAX_CPUS CPUs; cgroups nested deeper than SLO_MAX_DEPTH below a configured one are not matched to it;
 * re-queued tasks (slice used up, or preempted) are not wake-ups, so they count no run and no miss.
 */
#include <scx/common.bpf.h>
#include "scx_slo.h"

char _license[] SEC("license") = "GPL";

UEI_DEFINE(uei);

#define SHARED_DSQ	0
#define THROTTLED_DSQ	1
#define SLO_MAX_CPUS	512
#define NSEC_PER_SEC	1000000000ULL

/* Written by the agent, also while the scheduler runs: an edit of the config may change it. */
volatile u64 default_budget_ns = 20 * 1000 * 1000;
/* Bumped by the agent after each change of cfg_map or default_budget_ns: a task whose group was looked up
 * under an older generation looks it up again when it is next queued. Starts at 1 (and so lives in .data):
 * a task's 0 means never looked up. */
volatile u64 cfg_gen = 1;
/* Set by the agent before load. */
const volatile u64 slice_ns = 5 * 1000 * 1000;
const volatile u64 window_ns = 100 * 1000 * 1000;
const volatile u64 max_events_per_sec = 1000;
const volatile u32 nr_cpus;		/* 0: the kernel's nr_cpu_ids */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, SLO_MAX_GROUPS);
	__type(key, u64);
	__type(value, struct slo_cfg);
} cfg_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SLO_MAX_GROUPS + 1);
	__type(key, u32);
	__type(value, struct slo_stats);
} stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

/* The CPU share a group used in the current window, by slot. */
struct slo_window {
	u64 start_ns;
	u64 used_ns;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SLO_MAX_GROUPS + 1);
	__type(key, u32);
	__type(value, struct slo_window);
} windows SEC(".maps");

/* The budget of the task running on each CPU (0: none), for the preemption choice. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SLO_MAX_CPUS);
	__type(key, u32);
	__type(value, u64);
} running_budget SEC(".maps");

struct task_ctx {
	u64 runnable_at;
	u64 deadline;
	u64 started_at;
	u64 budget;
	u64 cgroup_id;
	u32 slot;
	u32 importance;
	u32 max_cpu_pct;
	bool woke;
	u64 gen;	/* cfg_gen when the group was looked up; 0: never */
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_ctx);
} task_ctxs SEC(".maps");

static u32 cpus(void)
{
	return nr_cpus ? nr_cpus : scx_bpf_nr_cpu_ids();
}

/* Miss events sent in the current second, and that second's start. */
static u64 events_second;
static u64 events_in_second;

static struct task_ctx *ctx_of(struct task_struct *p)
{
	return bpf_task_storage_get(&task_ctxs, p, 0, 0);
}

static bool take_group(u64 id, struct task_ctx *tctx)
{
	struct slo_cfg *cfg = bpf_map_lookup_elem(&cfg_map, &id);

	if (!cfg || cfg->slot == 0 || cfg->slot > SLO_MAX_GROUPS)
		return false;
	tctx->cgroup_id = id;
	tctx->slot = cfg->slot;
	tctx->budget = cfg->budget_ns;
	tctx->importance = cfg->importance;
	tctx->max_cpu_pct = cfg->max_cpu_pct;
	return true;
}

/* The nearest configured ancestor of the task's cgroup (cgroup2's, whether or not the cpu controller is on),
 * or the weight-scaled default budget. */
static void resolve_group(struct task_struct *p, struct task_ctx *tctx)
{
	struct cgroup *cg = p->cgroups->dfl_cgrp, *ancestor;
	int level, depth;
	bool found;
	u64 weight;

	tctx->gen = cfg_gen;
	if (cg && take_group(cg->kn->id, tctx))
		return;
	level = cg ? cg->level : 0;
	for (depth = 1; depth < SLO_MAX_DEPTH && level - depth >= 0; depth++) {
		ancestor = bpf_cgroup_ancestor(cg, level - depth);
		if (!ancestor)
			break;
		found = take_group(ancestor->kn->id, tctx);
		bpf_cgroup_release(ancestor);
		if (found)
			return;
	}
	weight = p->scx.weight ? p->scx.weight : 100;
	tctx->cgroup_id = SLO_UNCONFIGURED;
	tctx->slot = 0;
	tctx->budget = default_budget_ns * 100 / weight;
	tctx->importance = 0;
	tctx->max_cpu_pct = 100;
}

/* When the groups throttled so far may run again: the latest end of their windows. */
static u64 release_at;

/* If @tctx's group is over its max_cpu_pct share of the CPUs' time elapsed in its window (plus one slice of
 * slack), when it would be back within it were it to run nothing more; else 0. A share of the time elapsed,
 * not of the whole window, so that a group cannot take every CPU at a window's start and starve the others
 * until it has used up the window's quota. */
static u64 throttled_until(struct task_ctx *tctx, u64 now)
{
	u64 elapsed, cap, until;
	struct slo_window *w;
	struct slo_stats *st;
	u32 slot = tctx->slot;

	if (tctx->max_cpu_pct >= 100 || !(w = bpf_map_lookup_elem(&windows, &slot)))
		return 0;
	elapsed = now - w->start_ns;
	cap = (u64)tctx->max_cpu_pct * cpus();	/* in hundredths of one CPU */
	if (elapsed >= window_ns || w->used_ns * 100 <= cap * elapsed + slice_ns * 100)
		return 0;
	if ((st = bpf_map_lookup_elem(&stats, &slot)))
		st->throttled++;
	until = w->start_ns + (w->used_ns - slice_ns) * 100 / cap;
	return time_before(until, w->start_ns + window_ns) ? until : w->start_ns + window_ns;
}

/* The budget of the task running on @cpu (0: none), or -1 if @p may not run there. */
static s64 running_on(s32 cpu, struct task_struct *p)
{
	u64 *budget;

	if (cpu < 0 || cpu >= SLO_MAX_CPUS || !bpf_cpumask_test_cpu(cpu, p->cpus_ptr))
		return -1;
	budget = bpf_map_lookup_elem(&running_budget, &cpu);
	return budget ? (s64)*budget : -1;
}

/* Makes a CPU take @p, queued at @key, soon. A CPU whose task would, put back now, be queued later than @key
 * may be preempted: its deadline is met already, its next would be now plus its budget. The CPU this runs on
 * comes first: kicking it needs no IPI, and it is where a timer wake-up fires (the sleeper's last CPU); if
 * nothing runs on it, it is idle or about to take its next task from the queue, and a kick-if-idle does. Then
 * an idle CPU, or else the one whose task would wait longest. */
static void preempt_for(struct task_struct *p, u64 key, u64 now)
{
	s32 local = bpf_get_smp_processor_id(), victim = -1;
	s64 budget = running_on(local, p), latest = 0;
	int cpu;

	if (budget == 0) {
		scx_bpf_kick_cpu(local, SCX_KICK_IDLE);
		return;
	}
	if (budget > 0 && time_before(key, now + (u64)budget)) {
		scx_bpf_kick_cpu(local, SCX_KICK_PREEMPT);
		return;
	}
	bpf_for(cpu, 0, cpus()) {
		if (cpu >= SLO_MAX_CPUS)
			break;
		budget = running_on(cpu, p);
		if (budget == 0) {
			scx_bpf_kick_cpu(cpu, SCX_KICK_IDLE);
			return;
		}
		if (budget > latest) {
			latest = budget;
			victim = cpu;
		}
	}
	if (victim >= 0 && time_before(key, now + (u64)latest))
		scx_bpf_kick_cpu(victim, SCX_KICK_PREEMPT);
}

s32 BPF_STRUCT_OPS(slo_select_cpu, struct task_struct *p, s32 prev_cpu, u64 wake_flags)
{
	bool idle = false;
	s32 cpu;

	cpu = scx_bpf_select_cpu_dfl(p, prev_cpu, wake_flags, &idle);
	if (idle)
		scx_bpf_dsq_insert(p, SCX_DSQ_LOCAL, slice_ns, 0);
	return cpu;
}

void BPF_STRUCT_OPS(slo_runnable, struct task_struct *p, u64 enq_flags)
{
	struct task_ctx *tctx = ctx_of(p);

	if (!tctx)
		return;
	resolve_group(p, tctx);
	tctx->runnable_at = bpf_ktime_get_ns();
	tctx->deadline = tctx->runnable_at + tctx->budget;
	tctx->woke = true;
}

void BPF_STRUCT_OPS(slo_enqueue, struct task_struct *p, u64 enq_flags)
{
	struct task_ctx *tctx = ctx_of(p);
	u64 now = bpf_ktime_get_ns(), key, until;

	if (!tctx) {
		/* No context (its creation failed): ordered as if due now; the queue takes vtime order only. */
		scx_bpf_dsq_insert_vtime(p, SHARED_DSQ, slice_ns, now, enq_flags);
		return;
	}
	/* A task put back without sleeping (its slice used up, or preempted) gets a new deadline, now plus its
	 * budget; it looks its group up again if the config changed since it last did (so that a CPU hog takes up
	 * a change too) or if it never did (it ran before scx_slo was attached). */
	if (!tctx->woke) {
		if (tctx->gen != cfg_gen)
			resolve_group(p, tctx);
		tctx->deadline = now + tctx->budget;
	}
	/* A group over its share waits apart, behind every other task, until it is within its share again. */
	if ((until = throttled_until(tctx, now))) {
		if (time_after(until, release_at))
			release_at = until;
		scx_bpf_dsq_insert_vtime(p, THROTTLED_DSQ, slice_ns, until + tctx->budget, enq_flags);
		return;
	}
	key = tctx->deadline - (u64)tctx->importance * 10000;
	scx_bpf_dsq_insert_vtime(p, SHARED_DSQ, slice_ns, key, enq_flags);
	preempt_for(p, key, now);
}

void BPF_STRUCT_OPS(slo_dispatch, s32 cpu, struct task_struct *prev)
{
	/* Throttled tasks whose windows have ended go first, so that no stream of other work starves them; before
	 * that they run only on a CPU that would otherwise idle. */
	bool throttled = scx_bpf_dsq_nr_queued(THROTTLED_DSQ) > 0;

	if (throttled && !time_before(bpf_ktime_get_ns(), release_at) &&
	    scx_bpf_dsq_move_to_local(THROTTLED_DSQ, 0))
		return;
	if (scx_bpf_dsq_move_to_local(SHARED_DSQ, 0))
		return;
	if (throttled)
		scx_bpf_dsq_move_to_local(THROTTLED_DSQ, 0);
}

static void count_miss(struct task_struct *p, struct task_ctx *tctx, struct slo_stats *st, u64 now)
{
	u64 lateness = now - tctx->deadline;
	struct slo_miss_event *ev;

	st->misses++;
	st->total_lateness_ns += lateness;
	if (lateness > st->max_lateness_ns)
		st->max_lateness_ns = lateness;

	if (now - events_second >= NSEC_PER_SEC) {
		events_second = now;
		events_in_second = 0;
	}
	if (events_in_second >= max_events_per_sec) {
		st->dropped_events++;
		return;
	}
	ev = bpf_ringbuf_reserve(&events, sizeof(*ev), 0);
	if (!ev) {
		st->dropped_events++;
		return;
	}
	events_in_second++;
	ev->cgroup_id = tctx->cgroup_id;
	ev->pid = p->pid;
	ev->cpu = bpf_get_smp_processor_id();
	ev->lateness_ns = lateness;
	ev->timestamp_ns = now;
	bpf_ringbuf_submit(ev, 0);
}

void BPF_STRUCT_OPS(slo_running, struct task_struct *p)
{
	struct task_ctx *tctx = ctx_of(p);
	u32 cpu = bpf_get_smp_processor_id();
	struct slo_stats *st;
	u64 now = bpf_ktime_get_ns(), *budget;
	u32 slot;

	if (!tctx)
		return;
	tctx->started_at = now;
	if ((budget = bpf_map_lookup_elem(&running_budget, &cpu)))
		*budget = tctx->budget;
	if (!tctx->woke)
		return;
	tctx->woke = false;
	slot = tctx->slot;
	st = bpf_map_lookup_elem(&stats, &slot);
	if (!st)
		return;
	st->runs++;
	st->hist[log2_u64(now - tctx->runnable_at) & (SLO_HIST_BUCKETS - 1)]++;
	if (time_after(now, tctx->deadline))
		count_miss(p, tctx, st, now);
}

void BPF_STRUCT_OPS(slo_stopping, struct task_struct *p, bool runnable)
{
	struct task_ctx *tctx = ctx_of(p);
	u32 cpu = bpf_get_smp_processor_id();
	u64 now = bpf_ktime_get_ns(), ran, *budget;
	struct slo_window *w;
	struct slo_stats *st;
	u32 slot;

	if ((budget = bpf_map_lookup_elem(&running_budget, &cpu)))
		*budget = 0;
	if (!tctx)
		return;
	ran = now - tctx->started_at;
	slot = tctx->slot;
	if ((st = bpf_map_lookup_elem(&stats, &slot)))
		st->cpu_ns += ran;
	if ((w = bpf_map_lookup_elem(&windows, &slot))) {
		if (now - w->start_ns >= window_ns) {
			w->start_ns = now;
			w->used_ns = 0;
		}
		__sync_fetch_and_add(&w->used_ns, ran);
	}
}

s32 BPF_STRUCT_OPS(slo_init_task, struct task_struct *p, struct scx_init_task_args *args)
{
	if (!bpf_task_storage_get(&task_ctxs, p, 0, BPF_LOCAL_STORAGE_GET_F_CREATE))
		return -ENOMEM;
	return 0;
}

s32 BPF_STRUCT_OPS_SLEEPABLE(slo_init)
{
	s32 ret = scx_bpf_create_dsq(SHARED_DSQ, -1);

	return ret ? ret : scx_bpf_create_dsq(THROTTLED_DSQ, -1);
}

void BPF_STRUCT_OPS(slo_exit, struct scx_exit_info *ei)
{
	UEI_RECORD(uei, ei);
}

SCX_OPS_DEFINE(slo_ops,
	       .select_cpu	= (void *)slo_select_cpu,
	       .runnable	= (void *)slo_runnable,
	       .enqueue		= (void *)slo_enqueue,
	       .dispatch	= (void *)slo_dispatch,
	       .running		= (void *)slo_running,
	       .stopping	= (void *)slo_stopping,
	       .init_task	= (void *)slo_init_task,
	       .init		= (void *)slo_init,
	       .exit		= (void *)slo_exit,
	       .name		= "slo");
