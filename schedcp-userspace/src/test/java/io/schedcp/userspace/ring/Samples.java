package io.schedcp.userspace.ring;

import io.schedcp.api.policy.Dispatch;

/** Records whose every field differs from task to task, with 64-bit fields above 32 bits. */
public final class Samples {

    private Samples() {}

    /** Task {@code i} as the test BPF program (uspace_rings_probe.bpf.c) fills it: keep the two in step. */
    public static TaskSample probeTask(int i) {
        return new TaskSample(
                1000 + i,
                500 + i / 4,
                i % 7,
                1 + i % 4,
                i % 4,
                0x1_0000_0000L * (i + 1) + 11,
                0x1_0000_0000L * (i + 1) + 22,
                1_000_000L * i + 33,
                100 + i,
                0x7000_0000_0000_0000L + i,
                0x2_0000_0000L + i,
                0x3_0000_0000L + i,
                0x4_0000_0000L + i,
                "probe-" + (char) ('a' + i % 26));
    }

    /** A dispatch with every field its own, for dispatch {@code i}. */
    public static Dispatch dispatch(int i) {
        return new Dispatch()
                .reset(2000 + i, 0x5_0000_0000L + i)
                .cpu(i % 3 == 0 ? Dispatch.ANY_CPU : i % 5)
                .sliceNs(0x6_0000_0000L + i)
                .vtime(0x7100_0000_0000_0000L + i)
                .priority(i % 2 == 1);
    }
}
