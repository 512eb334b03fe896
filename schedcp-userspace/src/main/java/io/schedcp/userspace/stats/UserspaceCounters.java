package io.schedcp.userspace.stats;

/**
 * scx_userspace's counters, summed over the CPUs: what BPF did with each task (bpf/userspace/scx_userspace.h,
 * enum uspace_stat, in this order).
 *
 * @param queued tasks sent to user space
 * @param userDispatched dispatched as the policy decided
 * @param fallback dispatched by BPF, first in first out, because user space stalled or the ring was full
 * @param cancelled decisions dropped because the task had been queued again, or had left
 * @param failed decision records BPF could not read
 * @param direct dispatched by BPF without the policy: the agent's own threads, per-CPU kernel threads, and tasks
 *     preempted before their slice ended, which go back to their place with what is left of it
 * @param demoted priority decisions the starvation guard turned into ordinary ones
 * @param stalls times user space went silent for the stall time with tasks in its custody, so that the fallback
 *     took over; one silence counts once, until user space applies a decision again
 * @param ringFull tasks that found the ring to user space full
 */
public record UserspaceCounters(
        long queued,
        long userDispatched,
        long fallback,
        long cancelled,
        long failed,
        long direct,
        long demoted,
        long stalls,
        long ringFull) {

    /** How many counters BPF keeps. */
    public static final int COUNT = 9;

    /** The counters from their values in BPF's order. */
    public static UserspaceCounters of(long[] values) {
        if (values.length != COUNT) {
            throw new IllegalArgumentException("scx_userspace keeps " + COUNT + " counters, not " + values.length);
        }
        return new UserspaceCounters(
                values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]);
    }
}
