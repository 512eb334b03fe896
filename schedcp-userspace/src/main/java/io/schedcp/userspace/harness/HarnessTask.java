package io.schedcp.userspace.harness;

import io.schedcp.api.policy.QueuedTask;

/**
 * A {@link QueuedTask} whose fields are set one by one: the harness fills one of these for every decision, and a
 * test of a policy can hand it the task it wants.
 */
public final class HarnessTask implements QueuedTask {

    private int pid;
    private int tgid;
    private int cpu;
    private int cpusAllowed = 1;
    private long flags;
    private long startedNs;
    private long stoppedNs;
    private long runtimeSinceSleepNs;
    private long weight = 100;
    private long vtime;
    private long cgroupId;
    private CharSequence comm = "";
    private long enqueuedNs;
    private long enqueueSeq;

    /** Sets the pid and the tgid. */
    public HarnessTask pid(int pid) {
        this.pid = pid;
        this.tgid = pid;
        return this;
    }

    public HarnessTask tgid(int tgid) {
        this.tgid = tgid;
        return this;
    }

    public HarnessTask cpu(int cpu) {
        this.cpu = cpu;
        return this;
    }

    public HarnessTask cpusAllowed(int cpusAllowed) {
        this.cpusAllowed = cpusAllowed;
        return this;
    }

    public HarnessTask flags(long flags) {
        this.flags = flags;
        return this;
    }

    public HarnessTask startedNs(long startedNs) {
        this.startedNs = startedNs;
        return this;
    }

    public HarnessTask stoppedNs(long stoppedNs) {
        this.stoppedNs = stoppedNs;
        return this;
    }

    public HarnessTask runtimeSinceSleepNs(long runtimeSinceSleepNs) {
        this.runtimeSinceSleepNs = runtimeSinceSleepNs;
        return this;
    }

    public HarnessTask weight(long weight) {
        this.weight = weight;
        return this;
    }

    public HarnessTask vtime(long vtime) {
        this.vtime = vtime;
        return this;
    }

    public HarnessTask cgroupId(long cgroupId) {
        this.cgroupId = cgroupId;
        return this;
    }

    public HarnessTask comm(CharSequence comm) {
        this.comm = comm;
        return this;
    }

    public HarnessTask enqueuedNs(long enqueuedNs) {
        this.enqueuedNs = enqueuedNs;
        return this;
    }

    public HarnessTask enqueueSeq(long enqueueSeq) {
        this.enqueueSeq = enqueueSeq;
        return this;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int tgid() {
        return tgid;
    }

    @Override
    public int cpu() {
        return cpu;
    }

    @Override
    public int cpusAllowed() {
        return cpusAllowed;
    }

    @Override
    public long flags() {
        return flags;
    }

    @Override
    public long startedNs() {
        return startedNs;
    }

    @Override
    public long stoppedNs() {
        return stoppedNs;
    }

    @Override
    public long runtimeSinceSleepNs() {
        return runtimeSinceSleepNs;
    }

    @Override
    public long weight() {
        return weight;
    }

    @Override
    public long vtime() {
        return vtime;
    }

    @Override
    public long cgroupId() {
        return cgroupId;
    }

    @Override
    public CharSequence comm() {
        return comm;
    }

    @Override
    public long enqueuedNs() {
        return enqueuedNs;
    }

    @Override
    public long enqueueSeq() {
        return enqueueSeq;
    }
}
