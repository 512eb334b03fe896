/**
 * An offline harness: runs any {@link io.schedcp.api.policy.SchedulingPolicy} against a synthetic or recorded
 * {@link io.schedcp.userspace.harness.Workload} on virtual CPUs and a virtual clock, modelling scx_userspace's BPF
 * side (its queues, slices and starvation guard), and reports what each task got.
 */
package io.schedcp.userspace.harness;
