package io.schedcp.core.kube;

import java.util.Objects;
import java.util.Optional;

/**
 * What a kubepods cgroup path says: the pod, its QoS class, its cgroup and the container below it.
 *
 * @param podUid    the pod's uid with dashes ({@code 1d5f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f}), or the 32 hex
 *                  digits of a static pod's config hash, as the kubelet names its cgroup
 * @param qos       the QoS class the path places it in
 * @param driver    how the path was named
 * @param podCgroup the pod's directory, absolute from the cgroup2 root as {@code /proc/PID/cgroup} writes it
 *                  ({@code /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod<uid>.slice}); for
 *                  {@link CgroupDriver#MISMATCHED}, which has no pod directory, the container's
 * @param container the container whose cgroup the path is in or under; empty for the pod's directory itself
 *                  or a child the runtimes do not name
 */
public record PodCgroup(
        String podUid, QosClass qos, CgroupDriver driver, String podCgroup, Optional<ContainerCgroup> container) {

    public PodCgroup {
        Objects.requireNonNull(podUid, "podUid");
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(podCgroup, "podCgroup");
        Objects.requireNonNull(container, "container");
        if (!podCgroup.startsWith("/")) {
            throw new IllegalArgumentException("a pod's cgroup is absolute from the cgroup2 root, not " + podCgroup);
        }
    }

    /** {@link #podCgroup} relative to the cgroup2 mount, as SLO groups and strategies take a cgroup. */
    public String podCgroupUnderMount() {
        return podCgroup.substring(1);
    }
}
