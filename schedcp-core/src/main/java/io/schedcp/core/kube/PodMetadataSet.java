package io.schedcp.core.kube;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pods of a metadata file, in its order, with the look-ups the resolver needs.
 *
 * @param source what to call the file in messages, such as its path
 */
public record PodMetadataSet(String source, List<PodMetadata> pods) {

    public PodMetadataSet {
        Objects.requireNonNull(source, "source");
        pods = List.copyOf(pods);
    }

    /** The pod {@code namespace/name}. */
    public Optional<PodMetadata> pod(String namespace, String name) {
        return pods.stream()
                .filter(p -> p.namespace().equals(namespace) && p.name().equals(name))
                .findFirst();
    }

    /** The pods that have every label of {@code selector}, in the file's order. */
    public List<PodMetadata> select(LabelSelector selector) {
        return pods.stream().filter(p -> selector.matches(p.labels())).toList();
    }

    /**
     * Pods a user who asked for {@code namespace/name} may have meant: that name in another namespace, or a name
     * that starts with it (a Deployment's pods are {@code web-7d9f8c6b5-x2kqz}), at most {@code limit}.
     */
    public List<PodMetadata> nearTo(String namespace, String name, int limit) {
        return pods.stream()
                .filter(p -> p.name().equals(name)
                        || (p.namespace().equals(namespace) && p.name().startsWith(name + "-")))
                .limit(limit)
                .toList();
    }
}
