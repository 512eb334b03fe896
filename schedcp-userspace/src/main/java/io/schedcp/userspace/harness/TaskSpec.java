package io.schedcp.userspace.harness;

import java.util.List;
import java.util.Objects;

/**
 * A task of a {@link Workload}: who it is and what it does. Its bursts repeat, in order, for as long as the run
 * lasts.
 *
 * @param pid its pid, and its tgid: each task is a process of its own
 * @param comm its command name, at most 15 characters as in the kernel
 * @param weight 100 at nice 0, from 1 to 10000 as the kernel's sched_ext weights go
 * @param cgroupId the id of its cgroup; 0 when it does not matter
 * @param startNs when it first becomes runnable, on the virtual clock
 * @param bursts what it does, over and over
 */
public record TaskSpec(int pid, String comm, long weight, long cgroupId, long startNs, List<Burst> bursts) {

    public static final int MAX_COMM = 15;
    public static final long DEFAULT_WEIGHT = 100;
    /** How long a hog's one burst is: it never sleeps, so this only sets how often the harness looks at it. */
    private static final long HOG_BURST_NS = 1_000_000_000L;

    public TaskSpec {
        Objects.requireNonNull(comm, "comm");
        bursts = List.copyOf(bursts);
        if (pid < 1) {
            throw new IllegalArgumentException("a task's pid is at least 1, not " + pid);
        }
        if (comm.isEmpty() || comm.length() > MAX_COMM) {
            throw new IllegalArgumentException(
                    "task " + pid + "'s command is 1 to " + MAX_COMM + " characters, not \"" + comm + "\"");
        }
        if (weight < 1 || weight > 10_000) {
            throw new IllegalArgumentException("task " + pid + "'s weight is 1 to 10000, not " + weight);
        }
        if (startNs < 0) {
            throw new IllegalArgumentException("task " + pid + " starts at 0 ns or later, not " + startNs);
        }
        if (bursts.isEmpty()) {
            throw new IllegalArgumentException("task " + pid + " has no bursts; give it at least one");
        }
    }

    /** A task that never sleeps, from time 0. */
    public static TaskSpec hog(int pid, String comm, long weight) {
        return new TaskSpec(pid, comm, weight, 0, 0, List.of(new Burst(HOG_BURST_NS, 0)));
    }

    /** A task of weight 100 that runs {@code runNs}, then sleeps {@code sleepNs}, from time 0. */
    public static TaskSpec periodic(int pid, String comm, long runNs, long sleepNs) {
        return new TaskSpec(pid, comm, DEFAULT_WEIGHT, 0, 0, List.of(new Burst(runNs, sleepNs)));
    }

    /** This task, in cgroup {@code id}. */
    public TaskSpec inCgroup(long id) {
        return new TaskSpec(pid, comm, weight, id, startNs, bursts);
    }

    /** This task, first runnable at {@code ns}. */
    public TaskSpec startingAt(long ns) {
        return new TaskSpec(pid, comm, weight, cgroupId, ns, bursts);
    }

    /** This task, with weight {@code weight}. */
    public TaskSpec weighing(long weight) {
        return new TaskSpec(pid, comm, weight, cgroupId, startNs, bursts);
    }
}
