/* Fixture: clang rejects it with an error (undeclared identifier 'slice_len' on line 12). */
#include <scx/common.bpf.h>

char _license[] SEC("license") = "GPL";

UEI_DEFINE(uei);

const volatile u64 slice_ns = 5000000ULL;

void BPF_STRUCT_OPS(cerr_enqueue, struct task_struct *p, u64 enq_flags)
{
	scx_bpf_dsq_insert(p, SCX_DSQ_GLOBAL, slice_len, enq_flags);
}

void BPF_STRUCT_OPS(cerr_exit, struct scx_exit_info *ei)
{
	UEI_RECORD(uei, ei);
}

SCX_OPS_DEFINE(cerr_ops,
	       .enqueue		= (void *)cerr_enqueue,
	       .exit		= (void *)cerr_exit,
	       .name		= "cerr");
