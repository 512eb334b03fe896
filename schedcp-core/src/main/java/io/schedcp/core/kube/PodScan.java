package io.schedcp.core.kube;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one walk of {@code /proc} found.
 *
 * @param pods          the pods with a process on this node, by uid
 * @param processes     how many processes it read
 * @param withoutV2Line how many of them had no cgroup2 line: all of them on a cgroup v1 host
 */
public record PodScan(Map<String, PodProcesses> pods, int processes, int withoutV2Line) {

    public PodScan {
        pods = Collections.unmodifiableMap(new TreeMap<>(pods));
    }

    /** The processes of the pod whose cgroups are named by {@code podUid}. */
    public Optional<PodProcesses> pod(String podUid) {
        return Optional.ofNullable(pods.get(podUid));
    }

    /** Whether every process read lacked a cgroup2 line, so no pod could be found by its cgroup2 path. */
    public boolean cgroupV1Only() {
        return processes > 0 && withoutV2Line == processes;
    }
}
