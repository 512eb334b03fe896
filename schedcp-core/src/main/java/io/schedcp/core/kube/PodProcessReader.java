package io.schedcp.core.kube;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the pods of this node and their processes by reading {@code /proc/PID/cgroup} of every process: the
 * kubelet's cgroup names carry the pod's uid (see {@link KubepodsPaths}). A process that exits during the walk
 * is skipped. Paths are as the reading process's cgroup namespace shows them, so schedcp must see the node's
 * cgroups (run it on the host, or in a pod with the host's cgroup namespace).
 */
public final class PodProcessReader {

    private final Path procRoot;

    /** @param procRoot where proc is mounted: {@code /proc}, or a test's tree of {@code PID/cgroup} files */
    public PodProcessReader(Path procRoot) {
        this.procRoot = Objects.requireNonNull(procRoot, "procRoot");
    }

    public Path procRoot() {
        return procRoot;
    }

    /**
     * Walks {@code procRoot} once.
     *
     * @throws SchedcpException IO when it is not a directory or cannot be listed
     */
    public PodScan read() {
        if (!Files.isDirectory(procRoot)) {
            throw new SchedcpException(
                    Kind.IO,
                    "there is no proc directory at " + procRoot
                            + ", so no pod's processes can be found; if SCHEDCP_PROC_DIR is set, check that it "
                            + "names a copy of /proc");
        }
        Map<String, Pod> pods = new HashMap<>();
        int processes = 0;
        int withoutV2 = 0;
        for (int pid : pids()) {
            Optional<String> text = cgroupFile(pid);
            if (text.isEmpty()) {
                continue;
            }
            processes++;
            String content = text.get();
            if (!KubepodsPaths.hasCgroupV2Line(content)) {
                withoutV2++;
                continue;
            }
            KubepodsPaths.parseProcCgroup(content)
                    .ifPresent(cgroup -> pods.computeIfAbsent(cgroup.podUid(), uid -> new Pod(cgroup.qos()))
                            .add(cgroup.podCgroup(), pid));
        }
        Map<String, PodProcesses> found = new HashMap<>();
        pods.forEach((uid, pod) -> found.put(uid, new PodProcesses(uid, pod.qos, List.copyOf(pod.cgroups), pod.pids)));
        return new PodScan(found, processes, withoutV2);
    }

    private List<Integer> pids() {
        List<Integer> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (isPid(name)) {
                    pids.add(Integer.parseInt(name));
                }
            }
        } catch (IOException e) {
            throw new SchedcpException(Kind.IO, "could not list " + procRoot + ": " + e.getMessage(), e);
        }
        pids.sort(null);
        return pids;
    }

    // Empty when the process is gone (or its file unreadable): the walk is a snapshot of a moving set.
    private Optional<String> cgroupFile(int pid) {
        Path file = procRoot.resolve(Integer.toString(pid)).resolve("cgroup");
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isPid(String name) {
        if (name.isEmpty() || name.length() > 10 || name.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(name) <= Integer.MAX_VALUE;
    }

    private static final class Pod {
        final QosClass qos;
        final Set<String> cgroups = new TreeSet<>();
        // Added in the ascending order of the walk.
        final List<Integer> pids = new ArrayList<>();

        Pod(QosClass qos) {
            this.qos = qos;
        }

        void add(String cgroup, int pid) {
            cgroups.add(cgroup);
            pids.add(pid);
        }
    }
}
