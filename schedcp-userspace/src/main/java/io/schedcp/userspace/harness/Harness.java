package io.schedcp.userspace.harness;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.SchedulingPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Runs a {@link SchedulingPolicy} against a {@link Workload} on virtual CPUs and a virtual clock, with no kernel
 * and no root, as scx_userspace's BPF side would run it:
 *
 * <ul>
 *   <li>a task that wakes, or uses up its slice, is handed to the policy; its virtual time advances by its runtime
 *       times 100 / weight each time it stops, and its runtime since sleeping grows until it sleeps;
 *   <li>a dispatch for any CPU joins the shared queue, or the priority queue if it asks for priority, both in
 *       order of virtual time; a dispatch for a CPU joins that CPU's FIFO (the shared queue for a CPU that is not
 *       there); a free CPU takes from its FIFO, else the priority queue, else the shared queue;
 *   <li>a task runs for its slice (the default one for {@link Dispatch#DEFAULT_SLICE}) or until it sleeps, and is
 *       never preempted;
 *   <li>the starvation guard: a priority dispatch of a task that has already run the priority budget without
 *       sleeping joins the shared queue instead, and is counted as demoted;
 *   <li>a dispatch that does not carry the task's latest enqueue counter is cancelled; a task the policy keeps
 *       waits until {@link SchedulingPolicy#next} hands it out, which is asked after every batch of decisions (all
 *       tasks queued at the same instant form one batch).
 * </ul>
 *
 * Every task may run on every CPU. Ties are broken by CPU number and by queue order, so a run is deterministic.
 */
public final class Harness {

    private final HarnessConfig config;

    public Harness(HarnessConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Runs {@code policy} over {@code workload} for {@code durationNs} of virtual time: what happens in
     * {@code [0, durationNs)}, so an event at the end itself is not part of the run.
     */
    public HarnessResult run(SchedulingPolicy policy, Workload workload, long durationNs) {
        if (durationNs < 1) {
            throw new IllegalArgumentException("a harness run lasts at least 1 ns, not " + durationNs);
        }
        return new Run(policy, workload, durationNs).run();
    }

    /** The state of one run. */
    private final class Run {

        private record Wake(long atNs, long order, SimTask task) {}

        private final SchedulingPolicy policy;
        private final long end;
        private final int cpus = config.cpus();
        private final List<SimTask> tasks = new ArrayList<>();
        private final Map<Integer, SimTask> byPid = new HashMap<>();
        private final PriorityQueue<Wake> wakes =
                new PriorityQueue<>(Comparator.comparingLong(Wake::atNs).thenComparingLong(Wake::order));
        private final List<SimTask> batch = new ArrayList<>();
        private final DispatchQueues queues = new DispatchQueues(cpus);
        private final SimTask[] running = new SimTask[cpus];
        private final long[] runEnds = new long[cpus];
        private final HarnessTask view = new HarnessTask();
        private final Dispatch out = new Dispatch();
        private long now;
        private long wakeOrder;
        private long decisions;
        private long kept;
        private long dispatched;
        private long cancelled;
        private long demoted;

        Run(SchedulingPolicy policy, Workload workload, long durationNs) {
            this.policy = Objects.requireNonNull(policy, "policy");
            this.end = durationNs;
            for (TaskSpec spec : workload.tasks()) {
                SimTask task = new SimTask(spec);
                tasks.add(task);
                byPid.put(spec.pid(), task);
                wakes.add(new Wake(spec.startNs(), wakeOrder++, task));
            }
            tasks.sort(Comparator.comparingInt(t -> t.spec.pid()));
        }

        HarnessResult run() {
            while (true) {
                long next = nextEvent();
                if (next >= end) {
                    break;
                }
                now = next;
                stopFinishedRuns();
                while (!wakes.isEmpty() && wakes.peek().atNs() == now) {
                    SimTask task = wakes.poll().task();
                    task.cpu = firstIdleCpu(task.cpu);
                    enqueue(task, true);
                }
                decideBatch();
                fillIdleCpus();
            }
            return finish();
        }

        private long nextEvent() {
            long next = wakes.isEmpty() ? Long.MAX_VALUE : wakes.peek().atNs();
            for (int cpu = 0; cpu < cpus; cpu++) {
                if (running[cpu] != null) {
                    next = Math.min(next, runEnds[cpu]);
                }
            }
            return next;
        }

        private void stopFinishedRuns() {
            for (int cpu = 0; cpu < cpus; cpu++) {
                SimTask task = running[cpu];
                if (task == null || runEnds[cpu] != now) {
                    continue;
                }
                running[cpu] = null;
                task.ran(now - task.startedNs, now);
                long sleepNs = task.finishBurst();
                if (sleepNs > 0) {
                    wakes.add(new Wake(now + sleepNs, wakeOrder++, task));
                } else {
                    enqueue(task, false);
                }
            }
        }

        private void enqueue(SimTask task, boolean woke) {
            task.enqueue(now, woke);
            batch.add(task);
        }

        private void decideBatch() {
            for (SimTask task : batch) {
                task.show(view, cpus);
                out.reset(view);
                decisions++;
                if (policy.decide(view, out)) {
                    carryOut(out);
                } else {
                    kept++;
                }
            }
            batch.clear();
            // A policy whose next() never says false must not hang the run: each task can be handed out once.
            for (int handed = 0; handed <= tasks.size() && policy.next(out); handed++) {
                carryOut(out);
            }
        }

        private void carryOut(Dispatch dispatch) {
            SimTask task = byPid.get(dispatch.pid());
            if (task == null
                    || task.state != SimTask.State.AWAITING_DECISION
                    || task.enqueueSeq != dispatch.enqueueSeq()) {
                cancelled++;
                return;
            }
            dispatched++;
            task.state = SimTask.State.QUEUED;
            long sliceNs = dispatch.sliceNs() == Dispatch.DEFAULT_SLICE ? config.defaultSliceNs() : dispatch.sliceNs();
            if (dispatch.cpu() != Dispatch.ANY_CPU && dispatch.cpu() < cpus) {
                queues.toCpu(dispatch.cpu(), task, sliceNs);
            } else if (dispatch.priority() && !overBudget(task)) {
                queues.toPriority(task, dispatch.vtime(), sliceNs);
            } else {
                if (dispatch.priority()) {
                    demoted++;
                    task.demotions++;
                }
                queues.toShared(task, dispatch.vtime(), sliceNs);
            }
        }

        private boolean overBudget(SimTask task) {
            return config.guarded() && task.runtimeSinceSleepNs >= config.priorityBudgetNs();
        }

        private void fillIdleCpus() {
            for (int cpu = 0; cpu < cpus; cpu++) {
                if (running[cpu] != null) {
                    continue;
                }
                DispatchQueues.Entry next = queues.take(cpu);
                if (next == null) {
                    continue;
                }
                SimTask task = next.task();
                task.start(cpu, now);
                running[cpu] = task;
                runEnds[cpu] = now + Math.min(next.sliceNs(), task.burstLeftNs);
            }
        }

        private int firstIdleCpu(int fallback) {
            for (int cpu = 0; cpu < cpus; cpu++) {
                if (running[cpu] == null) {
                    return cpu;
                }
            }
            return fallback;
        }

        private HarnessResult finish() {
            long busyNs = 0;
            for (int cpu = 0; cpu < cpus; cpu++) {
                SimTask task = running[cpu];
                if (task != null) {
                    task.ran(end - task.startedNs, end);
                }
            }
            List<TaskResult> results = new ArrayList<>();
            for (SimTask task : tasks) {
                busyNs += task.cpuTimeNs;
                results.add(task.result(end));
            }
            return new HarnessResult(
                    end, cpus, results, decisions, kept, dispatched, cancelled, demoted, cpus * end - busyNs);
        }
    }
}
