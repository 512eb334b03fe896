package io.schedcp.core.kube;

import java.util.List;
import java.util.Objects;

/**
 * The processes of one pod on this node.
 *
 * @param podUid  as {@link PodCgroup#podUid}
 * @param qos     its QoS class
 * @param cgroups its pod directory, absolute from the cgroup2 root; one, except with
 *                {@link CgroupDriver#MISMATCHED} drivers, where each container's directory is listed, sorted
 * @param pids    the process ids (thread group ids) in those cgroups or below them, ascending
 */
public record PodProcesses(String podUid, QosClass qos, List<String> cgroups, List<Integer> pids) {

    public PodProcesses {
        Objects.requireNonNull(podUid, "podUid");
        Objects.requireNonNull(qos, "qos");
        cgroups = List.copyOf(cgroups);
        pids = List.copyOf(pids);
    }
}
