/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wvtime - weighted virtual-time fair scheduling on one shared queue.
 *
 * Policy: every task carries a virtual time (p->scx.dsq_vtime). When a task
 * stops running, its vtime grows by the CPU time it just used multiplied by
 * 100 / p->scx.weight, so a heavier (lower nice) task ages more slowly and
 * gets a proportionally larger share. Runnable tasks wait in one shared DSQ
 * ordered by vtime, smallest first. vtime_now follows the largest vtime seen
 * in `running`; new tasks start at vtime_now, and a task waking from sleep
 * is pulled up to at most one slice behind vtime_now, so sleeping earns at
 * most one slice of credit. A task that finds an idle CPU on wakeup goes
 * straight to that CPU's local queue.
 * Tunables: slice_ns (time slice, default 20 ms).
 * Limits: vtime_now is updated without atomics (races only blur it
 * slightly); the idle-CPU fast path bypasses vtime order; one shared queue
 * for all CPUs; no cgroup awareness.
 */
#include <scx/common.bpf.h>

char _license[] SEC("license") = "GPL";

UEI_DEFINE(uei);

#define SHARED_DSQ 0

const volatile u64 slice_ns = 20000000ULL;

static u64 vtime_now;

s32 BPF_STRUCT_OPS(wvtime_select_cpu, struct task_struct *p, s32 prev_cpu, u64 wake_flags)
{
	bool idle = false;
	s32 cpu;

	cpu = scx_bpf_select_cpu_dfl(p, prev_cpu, wake_flags, &idle);
	if (idle)
		scx_bpf_dsq_insert(p, SCX_DSQ_LOCAL, slice_ns, 0);
	return cpu;
}

void BPF_STRUCT_OPS(wvtime_enqueue, struct task_struct *p, u64 enq_flags)
{
	u64 vtime = p->scx.dsq_vtime;
	u64 floor = vtime_now - slice_ns;

	/* a long sleeper may not bank more than one slice of credit */
	if (time_before(vtime, floor))
		vtime = floor;
	scx_bpf_dsq_insert_vtime(p, SHARED_DSQ, slice_ns, vtime, enq_flags);
}

void BPF_STRUCT_OPS(wvtime_dispatch, s32 cpu, struct task_struct *prev)
{
	scx_bpf_dsq_move_to_local(SHARED_DSQ, 0);
}

void BPF_STRUCT_OPS(wvtime_running, struct task_struct *p)
{
	if (time_before(vtime_now, p->scx.dsq_vtime))
		vtime_now = p->scx.dsq_vtime;
}

void BPF_STRUCT_OPS(wvtime_stopping, struct task_struct *p, bool runnable)
{
	u64 used = slice_ns - p->scx.slice;	/* what is left of the slice */

	p->scx.dsq_vtime += used * 100 / p->scx.weight;
}

void BPF_STRUCT_OPS(wvtime_enable, struct task_struct *p)
{
	p->scx.dsq_vtime = vtime_now;
}

s32 BPF_STRUCT_OPS_SLEEPABLE(wvtime_init)
{
	return scx_bpf_create_dsq(SHARED_DSQ, -1);
}

void BPF_STRUCT_OPS(wvtime_exit, struct scx_exit_info *ei)
{
	UEI_RECORD(uei, ei);
}

SCX_OPS_DEFINE(wvtime_ops,
	       .select_cpu	= (void *)wvtime_select_cpu,
	       .enqueue		= (void *)wvtime_enqueue,
	       .dispatch	= (void *)wvtime_dispatch,
	       .running		= (void *)wvtime_running,
	       .stopping	= (void *)wvtime_stopping,
	       .enable		= (void *)wvtime_enable,
	       .init		= (void *)wvtime_init,
	       .exit		= (void *)wvtime_exit,
	       .name		= "wvtime");
