package io.schedcp.core.kube;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pod out of a cgroup2 path that the kubelet and a container runtime made. Three layouts are known:
 *
 * <ul>
 *   <li>systemd driver: {@code /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod<uid>.slice/
 *       cri-containerd-<id>.scope}, with {@code kubepods-besteffort-pod<uid>.slice} under
 *       {@code kubepods-besteffort.slice}, and Guaranteed pods as {@code kubepods-pod<uid>.slice} directly under
 *       {@code kubepods.slice}; the uid's dashes are underscores. Containers are {@code cri-containerd-<id>.scope},
 *       {@code crio-<id>.scope} (with {@code crio-conmon-<id>.scope} for CRI-O's monitor) or
 *       {@code docker-<id>.scope}.</li>
 *   <li>cgroupfs driver: {@code /kubepods/burstable/pod<uid>/<id>}, {@code /kubepods/besteffort/pod<uid>/...},
 *       Guaranteed as {@code /kubepods/pod<uid>/...}; CRI-O names its containers {@code crio-<id>} and
 *       {@code crio-conmon-<id>}.</li>
 *   <li>mismatched drivers (the kubelet's systemd, the runtime's cgroupfs): one directory per container under
 *       the runtime's own cgroup,
 *       {@code /system.slice/containerd.service/kubepods-burstable-pod<uid>.slice:cri-containerd:<id>}.</li>
 * </ul>
 *
 * The pod's directory may sit below other cgroups: a kubelet {@code --cgroup-root} prefixes the slice names
 * ({@code /kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-besteffort.slice/...}, as kind does) or the
 * directories ({@code /kubelet/kubepods/...}), and a node that runs in a container adds the container's cgroup
 * in front ({@code /system.slice/docker-<node>.scope/kubepods.slice/...}). Cgroups below a container's (crun's
 * {@code container} subgroup, a container's own children) belong to that container. When a path holds two pod
 * directories (a cluster inside a pod), the first from the root is the one, as the outer kubelet sees it.
 * A static pod's uid is the 32 hex digits of its config hash.
 */
public final class KubepodsPaths {

    // --cgroup-root=/kubelet turns kubepods-... into kubelet-kubepods-...: allow a prefix ending in a dash.
    private static final Pattern SYSTEMD_POD =
            Pattern.compile("(?:[^/:]+-)?kubepods(?:-(burstable|besteffort))?-pod([0-9A-Za-z_]+)\\.slice");
    private static final Pattern MISMATCHED_POD =
            Pattern.compile("(?:[^/:]+-)?kubepods(?:-(burstable|besteffort))?-pod([0-9A-Za-z_]+)\\.slice"
                    + ":(cri-containerd|crio|docker):([0-9a-f]{64})");
    private static final Pattern CGROUPFS_POD = Pattern.compile("pod([0-9A-Za-z-]+)");
    private static final Pattern SYSTEMD_CONTAINER =
            Pattern.compile("(cri-containerd|crio-conmon|crio|docker)-([0-9a-f]{64})\\.scope");
    private static final Pattern CGROUPFS_CONTAINER = Pattern.compile("(?:(crio-conmon|crio|docker)-)?([0-9a-f]{64})");
    private static final Pattern UID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}");
    private static final String KUBEPODS = "kubepods";
    private static final String V2_LINE = "0::";
    private static final String DELETED = " (deleted)";

    private KubepodsPaths() {}

    /**
     * The pod of the cgroup {@code path}, absolute from the cgroup2 root as {@code /proc/PID/cgroup} writes it;
     * empty when the path is in no pod's cgroup (a system service, the root, the kubepods slice itself).
     */
    public static Optional<PodCgroup> parse(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            Optional<PodCgroup> pod = podAt(segments, i);
            if (pod.isPresent()) {
                return pod;
            }
        }
        return Optional.empty();
    }

    /**
     * The pod of a process, from the text of its {@code /proc/PID/cgroup}: the cgroup2 line ({@code 0::/...}).
     * Empty when there is no such line (a cgroup v1 host), the process is in no pod, or its cgroup was removed
     * (the kernel marks the path {@code (deleted)}).
     */
    public static Optional<PodCgroup> parseProcCgroup(String text) {
        return cgroupV2Path(text).flatMap(KubepodsPaths::parse);
    }

    /**
     * The pod of the cgroup directory {@code directory} under the cgroup2 mount {@code mount}, such as
     * {@code /sys/fs/cgroup/kubepods.slice/...}; empty when it is not under the mount or in no pod.
     */
    public static Optional<PodCgroup> parseUnderMount(Path mount, Path directory) {
        Path root = mount.toAbsolutePath().normalize();
        Path dir = directory.toAbsolutePath().normalize();
        if (!dir.startsWith(root)) {
            return Optional.empty();
        }
        return parse("/" + root.relativize(dir).toString().replace('\\', '/'));
    }

    /** The path of the cgroup2 line of a {@code /proc/PID/cgroup} text; empty without one or when deleted. */
    static Optional<String> cgroupV2Path(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith(V2_LINE)) {
                String path = line.substring(V2_LINE.length());
                return path.endsWith(DELETED) ? Optional.empty() : Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** Whether a {@code /proc/PID/cgroup} text has a cgroup2 line, as every process has unless cgroup2 is off. */
    static boolean hasCgroupV2Line(String text) {
        return text.startsWith(V2_LINE) || text.contains("\n" + V2_LINE);
    }

    /** {@code uid} as the API server writes it: lower case, dashes where systemd's names have underscores. */
    static Optional<String> normalizeUid(String uid) {
        String normal = uid.replace('_', '-').toLowerCase(Locale.ROOT);
        return UID.matcher(normal).matches() ? Optional.of(normal) : Optional.empty();
    }

    private static Optional<PodCgroup> podAt(List<String> segments, int i) {
        String segment = segments.get(i);
        Matcher systemd = SYSTEMD_POD.matcher(segment);
        if (systemd.matches()) {
            return normalizeUid(systemd.group(2))
                    .map(uid -> new PodCgroup(
                            uid,
                            qos(systemd.group(1)),
                            CgroupDriver.SYSTEMD,
                            upTo(segments, i),
                            child(segments, i).flatMap(KubepodsPaths::systemdContainer)));
        }
        Matcher mismatched = MISMATCHED_POD.matcher(segment);
        if (mismatched.matches()) {
            ContainerCgroup container =
                    new ContainerCgroup(mismatched.group(4), Optional.of(runtime(mismatched.group(3))), false);
            return normalizeUid(mismatched.group(2))
                    .map(uid -> new PodCgroup(
                            uid,
                            qos(mismatched.group(1)),
                            CgroupDriver.MISMATCHED,
                            upTo(segments, i),
                            Optional.of(container)));
        }
        Matcher cgroupfs = CGROUPFS_POD.matcher(segment);
        if (cgroupfs.matches()) {
            Optional<QosClass> qos = cgroupfsQos(segments, i);
            if (qos.isPresent()) {
                return normalizeUid(cgroupfs.group(1))
                        .map(uid -> new PodCgroup(
                                uid,
                                qos.get(),
                                CgroupDriver.CGROUPFS,
                                upTo(segments, i),
                                child(segments, i).flatMap(KubepodsPaths::cgroupfsContainer)));
            }
        }
        return Optional.empty();
    }

    // pod<uid> is a pod's directory only right under kubepods (Guaranteed) or kubepods/{burstable,besteffort}.
    private static Optional<QosClass> cgroupfsQos(List<String> segments, int i) {
        String parent = i >= 1 ? segments.get(i - 1) : "";
        if (parent.equals(KUBEPODS)) {
            return Optional.of(QosClass.GUARANTEED);
        }
        if (i >= 2 && segments.get(i - 2).equals(KUBEPODS)) {
            if (parent.equals("burstable")) {
                return Optional.of(QosClass.BURSTABLE);
            }
            if (parent.equals("besteffort")) {
                return Optional.of(QosClass.BEST_EFFORT);
            }
        }
        return Optional.empty();
    }

    private static Optional<ContainerCgroup> systemdContainer(String segment) {
        Matcher matcher = SYSTEMD_CONTAINER.matcher(segment);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = matcher.group(1);
        return Optional.of(
                new ContainerCgroup(matcher.group(2), Optional.of(runtime(prefix)), prefix.equals("crio-conmon")));
    }

    private static Optional<ContainerCgroup> cgroupfsContainer(String segment) {
        Matcher matcher = CGROUPFS_CONTAINER.matcher(segment);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = matcher.group(1);
        // A bare id is containerd's or Docker's: the name does not say which.
        Optional<ContainerRuntime> runtime = prefix == null ? Optional.empty() : Optional.of(runtime(prefix));
        return Optional.of(new ContainerCgroup(matcher.group(2), runtime, "crio-conmon".equals(prefix)));
    }

    private static ContainerRuntime runtime(String prefix) {
        return switch (prefix) {
            case "cri-containerd" -> ContainerRuntime.CONTAINERD;
            case "docker" -> ContainerRuntime.DOCKER;
            default -> ContainerRuntime.CRI_O;
        };
    }

    private static QosClass qos(String tier) {
        if (tier == null) {
            return QosClass.GUARANTEED;
        }
        return tier.equals("burstable") ? QosClass.BURSTABLE : QosClass.BEST_EFFORT;
    }

    private static String upTo(List<String> segments, int i) {
        return "/" + String.join("/", segments.subList(0, i + 1));
    }

    private static Optional<String> child(List<String> segments, int i) {
        return i + 1 < segments.size() ? Optional.of(segments.get(i + 1)) : Optional.empty();
    }
}
