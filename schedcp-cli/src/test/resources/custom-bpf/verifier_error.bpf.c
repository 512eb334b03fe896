/* Fixture: compiles cleanly, but the verifier rejects it at load (task-storage result used without a NULL check). */
#include <scx/common.bpf.h>

char _license[] SEC("license") = "GPL";

UEI_DEFINE(uei);

struct task_ctx {
	u64 enqueues;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct task_ctx);
} task_ctxs SEC(".maps");

void BPF_STRUCT_OPS(verr_enqueue, struct task_struct *p, u64 enq_flags)
{
	struct task_ctx *tctx;

	tctx = bpf_task_storage_get(&task_ctxs, p, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	tctx->enqueues++;	/* BUG: tctx may be NULL */
	scx_bpf_dsq_insert(p, SCX_DSQ_GLOBAL, SCX_SLICE_DFL, enq_flags);
}

void BPF_STRUCT_OPS(verr_exit, struct scx_exit_info *ei)
{
	UEI_RECORD(uei, ei);
}

SCX_OPS_DEFINE(verr_ops,
	       .enqueue		= (void *)verr_enqueue,
	       .exit		= (void *)verr_exit,
	       .name		= "verr");
