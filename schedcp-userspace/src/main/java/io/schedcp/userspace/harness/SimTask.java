package io.schedcp.userspace.harness;

import io.schedcp.api.policy.QueuedTask;

/** One task's state during a harness run: where it is in its pattern, the kernel's figures, and its results. */
final class SimTask {

    enum State {
        SLEEPING,
        /** Handed to the policy; waiting for a dispatch with its latest enqueue counter. */
        AWAITING_DECISION,
        /** In a dispatch queue. */
        QUEUED,
        RUNNING
    }

    final TaskSpec spec;
    State state = State.SLEEPING;
    private int burst;
    long burstLeftNs;
    long vtime;
    long runtimeSinceSleepNs;
    long enqueueSeq;
    long enqueuedNs;
    long flags;
    long startedNs;
    long stoppedNs;
    int cpu;
    /** When it woke, while it has not run since; -1 otherwise. */
    long wokeNs = -1;

    long cpuTimeNs;
    long runs;
    long wakeups;
    long demotions;
    long maxQueuedWaitNs;
    final WaitSamples wakeWaits = new WaitSamples();

    SimTask(TaskSpec spec) {
        this.spec = spec;
        this.burstLeftNs = spec.bursts().get(0).runNs();
    }

    /** Accounts {@code ranNs} of running, as scx_userspace's stopping callback does. */
    void ran(long ranNs, long now) {
        cpuTimeNs += ranNs;
        runtimeSinceSleepNs += ranNs;
        vtime += ranNs * 100 / spec.weight();
        burstLeftNs -= ranNs;
        stoppedNs = now;
    }

    /**
     * Moves to the next burst when this one is done.
     *
     * @return how long the task now sleeps: 0 when it goes on running (or its burst is not done)
     */
    long finishBurst() {
        if (burstLeftNs > 0) {
            return 0;
        }
        long sleepNs = spec.bursts().get(burst).sleepNs();
        burst = (burst + 1) % spec.bursts().size();
        burstLeftNs = spec.bursts().get(burst).runNs();
        if (sleepNs > 0) {
            runtimeSinceSleepNs = 0;
            state = State.SLEEPING;
        }
        return sleepNs;
    }

    /** Makes the task runnable at {@code now}, to be handed to the policy. */
    void enqueue(long now, boolean woke) {
        state = State.AWAITING_DECISION;
        enqueueSeq++;
        enqueuedNs = now;
        flags = woke ? QueuedTask.FLAG_WOKE : 0;
        if (woke) {
            wokeNs = now;
            wakeups++;
        }
    }

    /** Puts the task on {@code cpu} at {@code now}. */
    void start(int cpu, long now) {
        state = State.RUNNING;
        this.cpu = cpu;
        startedNs = now;
        runs++;
        maxQueuedWaitNs = Math.max(maxQueuedWaitNs, now - enqueuedNs);
        if (wokeNs >= 0) {
            wakeWaits.add(now - wokeNs);
            wokeNs = -1;
        }
    }

    /** Fills {@code view} with what the policy sees of this task. */
    void show(HarnessTask view, int cpus) {
        view.pid(spec.pid())
                .cpu(cpu)
                .cpusAllowed(cpus)
                .flags(flags)
                .startedNs(startedNs)
                .stoppedNs(stoppedNs)
                .runtimeSinceSleepNs(runtimeSinceSleepNs)
                .weight(spec.weight())
                .vtime(vtime)
                .cgroupId(spec.cgroupId())
                .comm(spec.comm())
                .enqueuedNs(enqueuedNs)
                .enqueueSeq(enqueueSeq);
    }

    /** The task's results; a wake-up wait still open at {@code end} counts as a wait up to then. */
    TaskResult result(long end) {
        if (wokeNs >= 0) {
            wakeWaits.add(end - wokeNs);
        }
        long queuedWait = state == State.QUEUED || state == State.AWAITING_DECISION ? end - enqueuedNs : 0;
        return new TaskResult(
                spec.pid(),
                spec.comm(),
                cpuTimeNs,
                runs,
                wakeups,
                wakeWaits.max(),
                wakeWaits.p99(),
                Math.max(maxQueuedWaitNs, queuedWait),
                demotions);
    }
}
