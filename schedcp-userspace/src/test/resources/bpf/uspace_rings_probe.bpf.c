// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's side of scx_userspace's two rings, on a host without sched_ext, for the Java tests of the
 * mapped rings: emit_tasks writes struct uspace_task records into a BPF_MAP_TYPE_RINGBUF as the scheduler
 * does, and drain reads struct uspace_dispatch records out of a BPF_MAP_TYPE_USER_RINGBUF as its ops.dispatch
 * does, keeping each one in .bss for the test to compare. The layouts come from the scheduler's own header.
 * SEC("syscall") programs, which the tests run on demand with BPF_PROG_TEST_RUN.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "scx_userspace.h"

#define MAX_EMIT 64
#define MAX_SEEN 192

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} queued SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_USER_RINGBUF);
	__uint(max_entries, 4096);
} dispatched SEC(".maps");

/* The context emit_tasks is run with: tasks first .. first + count - 1, a discarded record before the one at
 * index discard_at (none when it is count or more). */
struct emit_args {
	__u32 first;
	__u32 count;
	__u32 discard_at;
	__u32 pad;
};

struct uspace_dispatch seen[MAX_SEEN];
__u32 seen_count;

/* Task i's fields: a formula the Java test repeats, with values above 32 bits where the field is 64. */
static __always_inline void fill(struct uspace_task *t, __u32 i)
{
	t->pid = 1000 + i;
	t->tgid = 500 + i / 4;
	t->cpu = i % 7;
	t->nr_cpus_allowed = 1 + i % 4;
	t->flags = i % 4;
	t->start_ns = 0x100000000ULL * (i + 1) + 11;
	t->stop_ns = 0x100000000ULL * (i + 1) + 22;
	t->exec_runtime = 1000000ULL * i + 33;
	t->weight = 100 + i;
	t->vtime = 0x7000000000000000ULL + i;
	t->cgroup_id = 0x200000000ULL + i;
	t->enq_seq = 0x300000000ULL + i;
	t->enq_ns = 0x400000000ULL + i;
	t->comm[0] = 'p';
	t->comm[1] = 'r';
	t->comm[2] = 'o';
	t->comm[3] = 'b';
	t->comm[4] = 'e';
	t->comm[5] = '-';
	t->comm[6] = 'a' + i % 26;
	for (int j = 7; j < USPACE_COMM_LEN; j++)
		t->comm[j] = 0;
}

/* Writes the tasks, the even ones with bpf_ringbuf_output, the odd ones reserved and submitted in place. */
SEC("syscall")
int emit_tasks(struct emit_args *args)
{
	__u32 first = args->first, count = args->count, discard_at = args->discard_at;
	int written = 0;

	for (__u32 k = 0; k < MAX_EMIT && k < count; k++) {
		__u32 i = first + k;

		if (k == discard_at) {
			struct uspace_task *gone = bpf_ringbuf_reserve(&queued, sizeof(*gone), 0);

			if (!gone)
				break;
			bpf_ringbuf_discard(gone, 0);
		}
		if (k % 2 == 0) {
			struct uspace_task t = {};

			fill(&t, i);
			if (bpf_ringbuf_output(&queued, &t, sizeof(t), 0))
				break;
		} else {
			struct uspace_task *t = bpf_ringbuf_reserve(&queued, sizeof(*t), 0);

			if (!t)
				break;
			fill(t, i);
			bpf_ringbuf_submit(t, 0);
		}
		written++;
	}
	return written;
}

static long keep_dispatch(struct bpf_dynptr *dynptr, void *ctx)
{
	__u32 n = seen_count;

	if (n >= MAX_SEEN)
		return 1;
	if (bpf_dynptr_read(&seen[n], sizeof(seen[0]), dynptr, 0, 0))
		return 1;
	seen_count = n + 1;
	return 0;
}

/* Drains the user ring as scx_userspace's ops.dispatch does; returns how many records it drained. */
SEC("syscall")
int drain(void *ctx)
{
	return bpf_user_ringbuf_drain(&dispatched, keep_dispatch, NULL, 0);
}
