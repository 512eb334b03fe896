package io.schedcp.userspace.harness;

/**
 * What one task got in a {@link Harness} run.
 *
 * @param pid the task
 * @param comm its command
 * @param cpuTimeNs how long it ran
 * @param runs how many times it was put on a CPU
 * @param wakeups how many times it became runnable by waking (its start included)
 * @param maxWakeWaitNs the longest time from waking to running; a wait still open at the end counts up to the end
 * @param p99WakeWaitNs the 99th percentile of those waits, nearest rank
 * @param maxQueuedWaitNs the longest time from being queued, for any reason, to running
 * @param demotions how many of its priority dispatches the starvation guard demoted
 */
public record TaskResult(
        int pid,
        String comm,
        long cpuTimeNs,
        long runs,
        long wakeups,
        long maxWakeWaitNs,
        long p99WakeWaitNs,
        long maxQueuedWaitNs,
        long demotions) {

    /** Its CPU time as a share of one CPU over {@code durationNs}: 1.0 for a whole CPU. */
    public double cpuShare(long durationNs) {
        return (double) cpuTimeNs / durationNs;
    }
}
