// SPDX-License-Identifier: GPL-2.0
/*
 * A program the verifier must reject: it reads past the end of an array map's 4-byte value. Before that
 * it churns through an unrolled loop, so the verifier's log runs to many kilobytes, as a real scheduler's
 * does. The tests check that the load failure carries the verifier's reason, and only that.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} values SEC(".maps");

SEC("syscall")
int read_past_end(void *ctx)
{
	__u32 key = 0, sum = 0;
	__u32 *value = bpf_map_lookup_elem(&values, &key);

	if (!value)
		return 0;
#pragma unroll
	for (int i = 0; i < 64; i++)
		sum = sum * 31 + (*value ^ i);
	/* Keep the bad read after the loop. */
	asm volatile("" : "+r"(sum) : : "memory");
	return sum + value[16];
}
