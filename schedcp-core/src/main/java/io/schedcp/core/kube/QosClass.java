package io.schedcp.core.kube;

/**
 * A pod's quality-of-service class, which the kubelet derives from its containers' requests and limits and
 * which decides where its cgroup sits: directly under the kubepods cgroup (Guaranteed) or under the burstable
 * or besteffort one.
 */
public enum QosClass {
    GUARANTEED("Guaranteed"),
    BURSTABLE("Burstable"),
    BEST_EFFORT("BestEffort");

    private final String kubernetesName;

    QosClass(String kubernetesName) {
        this.kubernetesName = kubernetesName;
    }

    /** The name Kubernetes gives it in a pod's {@code status.qosClass}: {@code Guaranteed}, {@code BestEffort}. */
    public String kubernetesName() {
        return kubernetesName;
    }
}
