package io.schedcp.userspace.control;

import io.schedcp.userspace.loop.LoopStats;
import io.schedcp.userspace.stats.UserspaceCounters;
import io.schedcp.userspace.stats.UserspaceStatus;
import java.util.Objects;

/**
 * What a running scx_userspace reports: the policy, BPF's counters, the enqueue-to-dispatch round trip at three
 * percentiles, and what the agent's decision loop has done.
 *
 * @param policy the running policy's name
 * @param counters BPF's counters
 * @param roundTrips how many round trips the percentiles are of
 * @param rttP50Ns the median round trip, in ns
 * @param rttP99Ns the 99th percentile
 * @param rttP999Ns the 99.9th percentile
 * @param loop the decision loop's counters
 */
public record PolicyStatus(
        String policy,
        UserspaceCounters counters,
        long roundTrips,
        long rttP50Ns,
        long rttP99Ns,
        long rttP999Ns,
        LoopStats loop) {

    public PolicyStatus {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(loop, "loop");
    }

    public static PolicyStatus of(UserspaceStatus status, LoopStats loop) {
        return new PolicyStatus(
                status.policy(),
                status.counters(),
                status.roundTrips(),
                status.rttP50Ns(),
                status.rttP99Ns(),
                status.rttP999Ns(),
                loop);
    }
}
