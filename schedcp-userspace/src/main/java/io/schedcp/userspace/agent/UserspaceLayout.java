package io.schedcp.userspace.agent;

import io.schedcp.userspace.control.PolicyControl;

/** The names of scx_userspace's maps and programs, as bpf/userspace/scx_userspace.bpf.c declares them. */
final class UserspaceLayout {

    static final String SCHEDULER = "scx_userspace";
    static final String OPS_NAME = PolicyControl.OPS_NAME;
    static final String QUEUED_RING = "queued";
    static final String DISPATCHED_RING = "dispatched";
    static final String STATS = "stats";
    static final String RTT = "rtt_hist";

    private UserspaceLayout() {}
}
