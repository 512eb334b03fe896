package io.schedcp.userspace.stats;

/**
 * What scx_userspace reports while it runs: the policy, BPF's counters, and the enqueue-to-dispatch round trip
 * as BPF measured it.
 *
 * @param policy the policy's name
 * @param counters BPF's counters
 * @param roundTrips how many round trips the histogram holds
 * @param rttP50Ns the median round trip, in ns
 * @param rttP99Ns the 99th percentile
 * @param rttP999Ns the 99.9th percentile
 */
public record UserspaceStatus(
        String policy, UserspaceCounters counters, long roundTrips, long rttP50Ns, long rttP99Ns, long rttP999Ns) {

    /** The status from the counters and the histogram. */
    public static UserspaceStatus of(String policy, UserspaceCounters counters, RttHistogram rtt) {
        return new UserspaceStatus(
                policy, counters, rtt.total(), rtt.quantileNs(0.5), rtt.quantileNs(0.99), rtt.quantileNs(0.999));
    }
}
