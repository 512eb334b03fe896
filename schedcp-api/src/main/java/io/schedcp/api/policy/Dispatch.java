package io.schedcp.api.policy;

/**
 * What a {@link SchedulingPolicy} decides for one task: on which CPU it runs, for how long, and in what order
 * against the others. The scheduler hands the policy one reused instance, already {@linkplain #reset(int, long)
 * reset} to the task in question with "any CPU, the default slice, the task's own virtual time"; the policy
 * changes what it wants. Tasks queued for any CPU run in order of {@link #vtime()}, lowest first, with
 * {@linkplain #priority() priority} tasks before all others.
 *
 * <p>Not thread-safe, and not a value: copy its fields to keep them.
 */
public final class Dispatch {

    /** The {@link #cpu()} of a task that may run on whichever allowed CPU is free first. */
    public static final int ANY_CPU = -1;

    /** The {@link #sliceNs()} that means the scheduler's default slice. */
    public static final long DEFAULT_SLICE = 0;

    /** The {@link #flags()} bit of a priority dispatch. */
    public static final long FLAG_PRIORITY = 1L;

    private int pid;
    private long enqueueSeq;
    private int cpu = ANY_CPU;
    private long sliceNs = DEFAULT_SLICE;
    private long vtime;
    private long flags;

    /** Starts a decision for the task {@code pid} queued as {@code enqueueSeq}: any CPU, default slice. */
    public Dispatch reset(int pid, long enqueueSeq) {
        this.pid = pid;
        this.enqueueSeq = enqueueSeq;
        this.cpu = ANY_CPU;
        this.sliceNs = DEFAULT_SLICE;
        this.vtime = 0;
        this.flags = 0;
        return this;
    }

    /** Starts a decision for {@code task}, with its own virtual time. */
    public Dispatch reset(QueuedTask task) {
        reset(task.pid(), task.enqueueSeq());
        this.vtime = task.vtime();
        return this;
    }

    /** Runs the task on {@code cpu}, or on any CPU for {@link #ANY_CPU}. */
    public Dispatch cpu(int cpu) {
        if (cpu < ANY_CPU) {
            throw new IllegalArgumentException("A dispatch's CPU is a CPU number or ANY_CPU (-1), not " + cpu + ".");
        }
        this.cpu = cpu;
        return this;
    }

    /** Gives the task {@code sliceNs} to run before it is queued again; {@link #DEFAULT_SLICE} for the default. */
    public Dispatch sliceNs(long sliceNs) {
        if (sliceNs < 0) {
            throw new IllegalArgumentException(
                    "A dispatch's slice is at least 0 ns (the default), not " + sliceNs + ".");
        }
        this.sliceNs = sliceNs;
        return this;
    }

    /** Orders the task among those queued for any CPU: lower runs first. */
    public Dispatch vtime(long vtime) {
        this.vtime = vtime;
        return this;
    }

    /**
     * Queues the task ahead of all tasks without priority. The scheduler bounds it: a priority task that runs
     * longer than the priority budget without sleeping loses its priority until it sleeps.
     */
    public Dispatch priority(boolean priority) {
        this.flags = priority ? flags | FLAG_PRIORITY : flags & ~FLAG_PRIORITY;
        return this;
    }

    public int pid() {
        return pid;
    }

    public long enqueueSeq() {
        return enqueueSeq;
    }

    public int cpu() {
        return cpu;
    }

    public long sliceNs() {
        return sliceNs;
    }

    public long vtime() {
        return vtime;
    }

    public long flags() {
        return flags;
    }

    public boolean priority() {
        return (flags & FLAG_PRIORITY) != 0;
    }

    @Override
    public String toString() {
        return "dispatch pid " + pid + " seq " + enqueueSeq + " cpu " + (cpu == ANY_CPU ? "any" : cpu) + " slice "
                + sliceNs + " ns vtime " + vtime + (priority() ? " priority" : "");
    }
}
