package io.schedcp.core.kube;

import java.util.List;
import java.util.Objects;

/**
 * Where a pod of the metadata file runs on this node.
 *
 * @param pod     the pod, as the metadata file describes it
 * @param qos     its QoS class, as its cgroup's place shows it
 * @param cgroups its cgroup directories relative to the cgroup2 mount, as an SLO group's {@code cgroup} or a
 *                strategy's cgroup match takes them ({@code kubepods.slice/kubepods-burstable.slice/...}): its
 *                pod directory, or with {@link CgroupDriver#MISMATCHED} drivers each container's
 * @param pids    its processes, ascending, when the node was read
 */
public record PodPlacement(PodMetadata pod, QosClass qos, List<String> cgroups, List<Integer> pids) {

    public PodPlacement {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(qos, "qos");
        cgroups = List.copyOf(cgroups);
        pids = List.copyOf(pids);
        if (cgroups.isEmpty()) {
            throw new IllegalArgumentException("a placed pod has at least one cgroup: " + pod.fullName());
        }
    }

    static PodPlacement of(PodMetadata pod, PodProcesses processes) {
        return new PodPlacement(
                pod,
                processes.qos(),
                processes.cgroups().stream().map(c -> c.substring(1)).toList(),
                processes.pids());
    }
}
