package io.schedcp.core.kube;

/** The container runtime a container's cgroup name shows. */
public enum ContainerRuntime {
    /** containerd's CRI plugin: {@code cri-containerd-<id>.scope}. */
    CONTAINERD,
    /** CRI-O: {@code crio-<id>.scope} or {@code crio-<id>}, and {@code crio-conmon-<id>} for its monitor. */
    CRI_O,
    /** Docker through dockershim or cri-dockerd: {@code docker-<id>.scope}. */
    DOCKER
}
