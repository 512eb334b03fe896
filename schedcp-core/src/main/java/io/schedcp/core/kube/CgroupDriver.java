package io.schedcp.core.kube;

/** How the kubelet and the container runtime named a pod's cgroups, as the path shows it. */
public enum CgroupDriver {
    /**
     * The systemd driver: a slice per QoS class and per pod whose name repeats its parents' names
     * ({@code kubepods-burstable-pod<uid>.slice}, the uid's dashes written as underscores) and a scope per
     * container ({@code cri-containerd-<id>.scope}).
     */
    SYSTEMD,
    /** The cgroupfs driver: plain directories, {@code kubepods/burstable/pod<uid>/<container id>}. */
    CGROUPFS,
    /**
     * The kubelet used the systemd driver and the runtime did not: the runtime took the systemd name
     * {@code <pod slice>:<prefix>:<id>} for a directory under its own cgroup, such as
     * {@code /system.slice/containerd.service}. There is no pod directory: each container's is its own.
     */
    MISMATCHED
}
