package io.schedcp.api.policy;

/**
 * A runnable task that the kernel hands to a {@link SchedulingPolicy} for a decision. It is a view, not a
 * value: the scheduler reuses one instance for every task, so a policy that keeps a task for later copies
 * what it needs (its {@link #pid()} and {@link #enqueueSeq()} at least) before {@code decide} returns.
 *
 * <p>Times are nanoseconds of the kernel's monotonic clock ({@code CLOCK_MONOTONIC}, as
 * {@code bpf_ktime_get_ns()} reads it); an offline harness gives them on its own virtual clock.
 */
public interface QueuedTask {

    /** Set in {@link #flags()} when the task became runnable by waking up, not by using up its slice. */
    long FLAG_WOKE = 1L;

    /** Set in {@link #flags()} for a kernel thread. */
    long FLAG_KTHREAD = 1L << 1;

    /** The thread id (the kernel's pid). */
    int pid();

    /** The process id (the kernel's tgid): the same for every thread of a process. */
    int tgid();

    /** The CPU the task last ran on, or the idle CPU the kernel picked for it as it woke. */
    int cpu();

    /** How many CPUs the task may run on; 1 for a task pinned to {@link #cpu()}. */
    int cpusAllowed();

    /** {@code FLAG_*} bits. */
    long flags();

    /** Whether the task woke up, rather than used up its slice and came back. */
    default boolean wokeUp() {
        return (flags() & FLAG_WOKE) != 0;
    }

    /** When the task last started running. */
    long startedNs();

    /** When the task last stopped running. */
    long stoppedNs();

    /** How long the task has run since it last slept: a CPU hog's figure keeps growing. */
    long runtimeSinceSleepNs();

    /** The task's scheduling weight: 100 at nice 0, higher for lower nice values (the kernel's scale). */
    long weight();

    /** The task's virtual time as the scheduler keeps it: runtime scaled by 100 / weight. */
    long vtime();

    /** The id of the task's cgroup (the inode number of its directory in the cgroup2 file system). */
    long cgroupId();

    /** The task's command name, at most 15 characters; valid until {@code decide} returns. */
    CharSequence comm();

    /** When the task was queued for this decision. */
    long enqueuedNs();

    /**
     * The enqueue counter: a dispatch carries it back, and a dispatch whose counter is not the task's latest is
     * cancelled, because the task was queued again or left the queue in the meantime.
     */
    long enqueueSeq();
}
