/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ljf - longest-job-first batch scheduling with aging.
 *
 * Policy: tasks that have already consumed the most CPU time
 * (p->se.sum_exec_runtime) run first, each for a long slice, to favour
 * throughput of long batch jobs. Runnable tasks wait in one shared DSQ
 * ordered by the key
 *     key = (time of enqueue) - min(sum_exec_runtime, age_cap_ns)
 * smallest first. Past CPU use is credit that moves a task ahead, but at
 * most age_cap_ns ahead. Pure longest-job-first would starve short tasks
 * forever and trip the sched_ext watchdog; with the cap, a task enqueued
 * at time t can only be passed by tasks enqueued before t + age_cap_ns,
 * so its wait is bounded by about age_cap_ns plus the slices of the tasks
 * already ahead of it, well under the watchdog timeout. A task that finds
 * an idle CPU on wakeup goes straight to that CPU's local queue.
 * Tunables: slice_ns (default 20 ms), age_cap_ns (default 200 ms).
 * Limits: no wakeup preemption, so interactive latency can reach a full
 * slice per CPU; nice is ignored; one shared queue for all CPUs.
 */
#include <scx/common.bpf.h>

char _license[] SEC("license") = "GPL";

UEI_DEFINE(uei);

#define LJF_DSQ 0

const volatile u64 slice_ns = 20000000ULL;	/* 20 ms */
const volatile u64 age_cap_ns = 200000000ULL;	/* 200 ms */

s32 BPF_STRUCT_OPS(ljf_select_cpu, struct task_struct *p, s32 prev_cpu, u64 wake_flags)
{
	bool idle = false;
	s32 cpu;

	cpu = scx_bpf_select_cpu_dfl(p, prev_cpu, wake_flags, &idle);
	if (idle)
		scx_bpf_dsq_insert(p, SCX_DSQ_LOCAL, slice_ns, 0);
	return cpu;
}

void BPF_STRUCT_OPS(ljf_enqueue, struct task_struct *p, u64 enq_flags)
{
	u64 credit = p->se.sum_exec_runtime;

	if (credit > age_cap_ns)
		credit = age_cap_ns;
	scx_bpf_dsq_insert_vtime(p, LJF_DSQ, slice_ns, scx_bpf_now() - credit,
				 enq_flags);
}

void BPF_STRUCT_OPS(ljf_dispatch, s32 cpu, struct task_struct *prev)
{
	scx_bpf_dsq_move_to_local(LJF_DSQ, 0);
}

s32 BPF_STRUCT_OPS_SLEEPABLE(ljf_init)
{
	return scx_bpf_create_dsq(LJF_DSQ, -1);
}

void BPF_STRUCT_OPS(ljf_exit, struct scx_exit_info *ei)
{
	UEI_RECORD(uei, ei);
}

SCX_OPS_DEFINE(ljf_ops,
	       .select_cpu	= (void *)ljf_select_cpu,
	       .enqueue		= (void *)ljf_enqueue,
	       .dispatch	= (void *)ljf_dispatch,
	       .init		= (void *)ljf_init,
	       .exit		= (void *)ljf_exit,
	       .name		= "ljf");
