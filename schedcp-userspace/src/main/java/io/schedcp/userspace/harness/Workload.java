package io.schedcp.userspace.harness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tasks a {@link Harness} runs: built here ({@link #builder()}) or read from a recording
 * ({@link RecordedWorkload}).
 *
 * @param tasks each with its own pid
 */
public record Workload(List<TaskSpec> tasks) {

    public Workload {
        tasks = List.copyOf(tasks);
        Set<Integer> pids = new HashSet<>();
        for (TaskSpec task : tasks) {
            if (!pids.add(task.pid())) {
                throw new IllegalArgumentException("two tasks have the pid " + task.pid() + "; give each its own");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adds tasks one by one; the hogs and periodic tasks of the factories on {@link TaskSpec}, or any other. */
    public static final class Builder {

        private final List<TaskSpec> tasks = new ArrayList<>();

        private Builder() {}

        public Builder add(TaskSpec task) {
            tasks.add(task);
            return this;
        }

        /** A hog of weight 100. */
        public Builder hog(int pid, String comm) {
            return add(TaskSpec.hog(pid, comm, TaskSpec.DEFAULT_WEIGHT));
        }

        /** A hog of weight {@code weight}. */
        public Builder hog(int pid, String comm, long weight) {
            return add(TaskSpec.hog(pid, comm, weight));
        }

        /** A task that runs {@code runNs}, then sleeps {@code sleepNs}, over and over. */
        public Builder periodic(int pid, String comm, long runNs, long sleepNs) {
            return add(TaskSpec.periodic(pid, comm, runNs, sleepNs));
        }

        public Workload build() {
            return new Workload(tasks);
        }
    }
}
