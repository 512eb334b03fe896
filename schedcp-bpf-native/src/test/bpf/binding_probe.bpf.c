// SPDX-License-Identifier: GPL-2.0
/*
 * A small object that exercises schedcp's libbpf binding on a host without sched_ext: a hash map, an
 * array, a per-CPU array, a ring buffer the program writes to, a user ring buffer it drains, and global
 * variables in .rodata, .data and .bss. Its programs are SEC("syscall") programs, which the tests run
 * on demand with BPF_PROG_TEST_RUN.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} runs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_USER_RINGBUF);
	__uint(max_entries, 4096);
} commands SEC(".maps");

/* .rodata: an option user space sets before load. */
const volatile __u32 event_tag = 1;
/* .data: how much each emit adds to the sequence. */
__u32 step = 1;
/* .bss: what the programs did. */
__u64 sequence;
__u64 command_sum;
__u32 commands_seen;

struct event {
	__u32 tag;
	__u32 seq;
	__u64 marker;
};

/* Emits one event to the ring buffer and counts the run on this CPU. */
SEC("syscall")
int emit(void *ctx)
{
	__u32 zero = 0;
	__u64 *run = bpf_map_lookup_elem(&runs, &zero);
	struct event *e;

	if (run)
		*run += 1;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 1;
	sequence += step;
	e->tag = event_tag;
	e->seq = sequence;
	e->marker = 0x5c4edc9ULL;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

static long add_command(struct bpf_dynptr *dynptr, void *ctx)
{
	__u64 value;

	if (bpf_dynptr_read(&value, sizeof(value), dynptr, 0, 0))
		return 1;
	command_sum += value;
	commands_seen += 1;
	return 0;
}

/* Drains the user ring buffer, adding up the 8-byte commands; returns how many it drained. */
SEC("syscall")
int drain(void *ctx)
{
	return bpf_user_ringbuf_drain(&commands, add_command, NULL, 0);
}
