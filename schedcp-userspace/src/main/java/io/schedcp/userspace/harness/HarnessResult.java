package io.schedcp.userspace.harness;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link Harness} run gave: each task's figures, and the totals.
 *
 * @param durationNs how long the run lasted, on the virtual clock
 * @param cpus how many CPUs it ran on
 * @param tasks one per task, in pid order
 * @param decisions how many tasks were handed to the policy's {@code decide}
 * @param kept how many of those the policy kept, to hand out from {@code next}
 * @param dispatched how many decisions the harness carried out
 * @param cancelled how many it dropped: for a task it does not know, or not with the task's latest enqueue counter
 * @param demoted how many priority dispatches the starvation guard demoted
 * @param idleNs CPU time no task used, over all CPUs
 */
public record HarnessResult(
        long durationNs,
        int cpus,
        List<TaskResult> tasks,
        long decisions,
        long kept,
        long dispatched,
        long cancelled,
        long demoted,
        long idleNs) {

    public HarnessResult {
        tasks = List.copyOf(tasks);
    }

    /** The figures of task {@code pid}. */
    public Optional<TaskResult> task(int pid) {
        return tasks.stream().filter(t -> t.pid() == pid).findFirst();
    }

    /** Task {@code pid}'s CPU time as a share of one CPU; 0 for a task not in the run. */
    public double cpuShare(int pid) {
        return task(pid).map(t -> t.cpuShare(durationNs)).orElse(0.0);
    }
}
