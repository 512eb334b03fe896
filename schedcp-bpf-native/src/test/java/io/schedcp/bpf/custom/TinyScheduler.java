package io.schedcp.bpf.custom;

import io.schedcp.bpf.custom.VerificationResult.WorkloadReport;
import java.util.List;

/**
 * A small scheduler that passes every source check and compiles: one shared FIFO queue, created in
 * {@code .init}, exit info through UEI. The tests change one thing in it to break one rule.
 */
final class TinyScheduler {

    static final String PRELUDE = """
            /* One shared FIFO queue that every CPU takes from. */
            #include <scx/common.bpf.h>

            char _license[] SEC("license") = "GPL";

            UEI_DEFINE(uei);

            #define SHARED_DSQ 0

            """;

    static final String CALLBACKS = """
            s32 BPF_STRUCT_OPS_SLEEPABLE(tiny_init)
            {
                return scx_bpf_create_dsq(SHARED_DSQ, -1);
            }

            void BPF_STRUCT_OPS(tiny_enqueue, struct task_struct *p, u64 enq_flags)
            {
                scx_bpf_dsq_insert(p, SHARED_DSQ, SCX_SLICE_DFL, enq_flags);
            }

            void BPF_STRUCT_OPS(tiny_dispatch, s32 cpu, struct task_struct *prev)
            {
                scx_bpf_dsq_move_to_local(SHARED_DSQ, 0);
            }

            void BPF_STRUCT_OPS(tiny_exit, struct scx_exit_info *ei)
            {
                UEI_RECORD(uei, ei);
            }

            """;

    static final String OPS = """
            SCX_OPS_DEFINE(tiny_ops,
                           .name = "tiny",
                           .enqueue = (void *)tiny_enqueue,
                           .dispatch = (void *)tiny_dispatch,
                           .init = (void *)tiny_init,
                           .exit = (void *)tiny_exit);
            """;

    static final String SOURCE = PRELUDE + CALLBACKS + OPS;

    private TinyScheduler() {}

    /** {@link #SOURCE} with {@code text} replaced; fails if the source has no such text, so no test checks a no-op. */
    static String replacing(String text, String replacement) {
        return replacing(SOURCE, text, replacement);
    }

    static String replacing(String source, String text, String replacement) {
        if (!source.contains(text)) {
            throw new IllegalArgumentException("the source has no '" + text + "'");
        }
        return source.replace(text, replacement);
    }

    /** The 1-based line of the first line of {@code source} that contains {@code text}. */
    static int lineOf(String source, String text) {
        int index = source.indexOf(text);
        if (index < 0) {
            throw new IllegalArgumentException("the source has no '" + text + "'");
        }
        return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    static CustomMeta meta(String name) {
        return new CustomMeta(
                CustomMeta.SCHEMA,
                name,
                "tiny",
                "tiny_ops",
                new DescriptorFields("A shared FIFO.", "first come, first served", List.of("tests"), "simple", "", ""),
                "2026-11-20T10:00:00Z",
                "/src/" + name + ".bpf.c",
                "ab12",
                "7.3.4",
                140,
                null);
    }

    static VerificationResult passed(String name) {
        return new VerificationResult(
                name,
                "tiny",
                true,
                "lab",
                "7.3.4",
                10,
                10.02,
                VerificationResult.PASSED,
                "",
                List.of(),
                null,
                new WorkloadReport(8, true, 52_000, 3.5, 20, 20),
                45,
                12,
                "2026-11-20T10:01:00Z");
    }

    static VerificationResult failedToLoad(String name) {
        return VerificationResult.failed(
                name,
                "tiny",
                "lab",
                10,
                "load",
                "the verifier rejected tiny_enqueue: invalid mem access",
                List.of("R1 invalid mem access 'scalar'"));
    }
}
