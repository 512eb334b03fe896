package io.schedcp.core.kube;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A pod as the user's metadata file describes it.
 *
 * @param uid       {@code metadata.uid}, as the API server gave it
 * @param namespace {@code metadata.namespace}
 * @param name      {@code metadata.name}
 * @param labels    {@code metadata.labels}, sorted by key
 * @param cgroupUid the uid the kubelet names the pod's cgroups by: {@code uid}, except for the mirror pod of a
 *                  static pod, whose {@code kubernetes.io/config.mirror} annotation holds the static pod's uid
 * @param nodeName  {@code spec.nodeName}, where the scheduler placed it, when the file has it
 */
public record PodMetadata(
        String uid,
        String namespace,
        String name,
        Map<String, String> labels,
        String cgroupUid,
        Optional<String> nodeName) {

    public PodMetadata {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        Objects.requireNonNull(cgroupUid, "cgroupUid");
        Objects.requireNonNull(nodeName, "nodeName");
    }

    /** {@code namespace/name}, as kubectl and schedcp name a pod. */
    public String fullName() {
        return namespace + "/" + name;
    }
}
