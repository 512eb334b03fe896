package io.schedcp.core.kube;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Names a pod the way a person does, by {@code namespace/name} or by labels, and answers with its cgroups and
 * processes on this node: the metadata file gives the pod's uid, and the walk of {@code /proc} the cgroups the
 * kubelet named by that uid. Both are snapshots taken when it is made; make another to see pods started since.
 */
public final class PodResolver {

    private static final int NEAR_NAMES = 5;

    private final PodMetadataSet metadata;
    private final PodScan scan;
    private final String procRoot;

    /**
     * @param metadata the pods the user described
     * @param scan     what a walk of proc found
     * @param procRoot where the walk read, for messages
     */
    public PodResolver(PodMetadataSet metadata, PodScan scan, Path procRoot) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.scan = Objects.requireNonNull(scan, "scan");
        this.procRoot = Objects.requireNonNull(procRoot, "procRoot").toString();
    }

    /**
     * Reads the metadata file {@code metadataFile} and walks {@code procRoot} (the machine's {@code /proc}, or
     * {@code SchedcpConfig.procDirectory()}).
     *
     * @throws SchedcpException as {@link PodMetadataFile#read} and {@link PodProcessReader#read}
     */
    public static PodResolver read(Path metadataFile, Path procRoot) {
        PodMetadataSet metadata = PodMetadataFile.read(metadataFile);
        return new PodResolver(metadata, new PodProcessReader(procRoot).read(), procRoot);
    }

    public PodMetadataSet metadata() {
        return metadata;
    }

    public PodScan scan() {
        return scan;
    }

    /**
     * The pod {@code namespacedName} ({@code default/web}) on this node.
     *
     * @throws SchedcpException INVALID_INPUT when it is not {@code namespace/name}; NOT_FOUND when the metadata
     *                          file has no such pod, or the pod has no process on this node
     */
    public PodPlacement byName(String namespacedName) {
        String asked = namespacedName.strip();
        int slash = asked.indexOf('/');
        if (slash <= 0 || slash == asked.length() - 1 || asked.indexOf('/', slash + 1) >= 0) {
            List<PodMetadata> named = metadata.pods().stream()
                    .filter(p -> p.name().equals(asked))
                    .limit(NEAR_NAMES)
                    .toList();
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "'" + namespacedName + "' is not a pod's namespace/name; name the pod as namespace/name, "
                            + "such as default/web"
                            + (named.isEmpty() ? "" : " (" + metadata.source() + " has " + fullNames(named) + ")"));
        }
        String namespace = asked.substring(0, slash);
        String name = asked.substring(slash + 1);
        PodMetadata pod = metadata.pod(namespace, name).orElseThrow(() -> notInFile(namespace, name));
        return placement(pod).orElseThrow(() -> notOnNode(List.of(pod), "pod " + pod.fullName()));
    }

    /**
     * The pods on this node that have every label of {@code selector} ({@code app=web,tier=frontend}), in the
     * metadata file's order; pods that match but run on other nodes are left out.
     *
     * @throws SchedcpException INVALID_INPUT when it is not such a selector; NOT_FOUND when no pod of the
     *                          metadata file matches, or none that matches has a process on this node
     */
    public List<PodPlacement> bySelector(String selector) {
        LabelSelector labels = LabelSelector.parse(selector);
        List<PodMetadata> matching = metadata.select(labels);
        if (matching.isEmpty()) {
            throw new SchedcpException(
                    Kind.NOT_FOUND,
                    "no pod in " + metadata.source() + " has the labels " + labels + " (it lists "
                            + count(metadata.pods().size()) + "); check the selector with kubectl get pods -A -l "
                            + labels + ", and write the file again if the pods are new");
        }
        List<PodPlacement> here =
                matching.stream().map(this::placement).flatMap(Optional::stream).toList();
        if (here.isEmpty()) {
            throw notOnNode(matching, count(matching.size()) + " with the labels " + labels);
        }
        return here;
    }

    /** Where {@code pod} runs on this node; empty when no process here is in its cgroups. */
    public Optional<PodPlacement> placement(PodMetadata pod) {
        return scan.pod(pod.cgroupUid()).map(processes -> PodPlacement.of(pod, processes));
    }

    private SchedcpException notInFile(String namespace, String name) {
        List<PodMetadata> near = metadata.nearTo(namespace, name, NEAR_NAMES);
        return new SchedcpException(
                Kind.NOT_FOUND,
                "there is no pod " + namespace + "/" + name + " in " + metadata.source() + " (it lists "
                        + count(metadata.pods().size()) + ")"
                        + (near.isEmpty() ? "" : "; pods with a name like it: " + fullNames(near))
                        + "; check the name with kubectl get pods -n " + namespace
                        + ", and write the file again if the pod is new");
    }

    private SchedcpException notOnNode(List<PodMetadata> pods, String what) {
        boolean one = pods.size() == 1;
        String them = one ? "it" : "them";
        String uids =
                pods.stream().map(PodMetadata::cgroupUid).limit(NEAR_NAMES).collect(Collectors.joining(", "));
        String nodes = pods.stream()
                .map(PodMetadata::nodeName)
                .flatMap(Optional::stream)
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        StringBuilder message = new StringBuilder(what)
                .append(one ? " (uid " : " (uids ")
                .append(uids)
                .append(one ? ") has" : ") have")
                .append(" no cgroup on this node: none of the ")
                .append(scan.processes())
                .append(" processes under ")
                .append(procRoot)
                .append(" is in a cgroup of ")
                .append(them);
        if (scan.cgroupV1Only()) {
            message.append("; the processes under ")
                    .append(procRoot)
                    .append(
                            " have no cgroup v2 path (a cgroup v1 host?), and schedcp finds pods by their cgroup v2 path");
        }
        if (!nodes.isEmpty()) {
            message.append("; ")
                    .append(metadata.source())
                    .append(" places ")
                    .append(them)
                    .append(" on node ")
                    .append(nodes);
        }
        message.append("; run schedcp on the pod's node, or write ")
                .append(metadata.source())
                .append(" again if the pod was replaced (a new pod has a new uid)");
        return new SchedcpException(Kind.NOT_FOUND, message.toString());
    }

    private static String fullNames(List<PodMetadata> pods) {
        return pods.stream().map(PodMetadata::fullName).collect(Collectors.joining(", "));
    }

    private static String count(int pods) {
        return pods == 1 ? "1 pod" : pods + " pods";
    }
}
