package io.schedcp.api.policy;

/**
 * A CPU scheduling policy that runs in Java: the userspace scheduler hands it each task that needs a decision,
 * and sends its answer back to the kernel. It runs on one thread, the scheduler's, so it needs no locks of its
 * own; it is called for every runnable task on the machine, so {@link #decide} and {@link #next} should
 * allocate nothing and return in well under a microsecond.
 *
 * <p>A policy cannot hurt the machine: the scheduler dispatches tasks itself, first in first out, when the
 * policy falls behind (a GC pause), cancels a dispatch for a task that has moved on, and takes priority away
 * from a task that runs too long without sleeping.
 */
public interface SchedulingPolicy extends AutoCloseable {

    /**
     * Decides for one task. Either fill {@code out} (already reset to {@code task}) and return true, and the
     * task is dispatched; or return false and keep the task, to hand it out later from {@link #next}.
     * {@code task} is valid only during the call.
     */
    boolean decide(QueuedTask task, Dispatch out);

    /**
     * Hands out a task the policy kept: {@linkplain Dispatch#reset(int, long) reset} {@code out} to it, fill it
     * and return true; false when no kept task should run now. Called after each batch of decisions until it
     * returns false. A policy that keeps no tasks keeps this default.
     */
    default boolean next(Dispatch out) {
        return false;
    }

    /** Releases what the policy holds; called once, when the scheduler stops. */
    @Override
    default void close() {}
}
