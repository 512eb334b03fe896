package io.schedcp.core.kube;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The container a cgroup below a pod's belongs to.
 *
 * @param id      the container id, 64 lower-case hex digits, as {@code crictl ps} shows its start
 * @param runtime the runtime, when the name shows it: the cgroupfs driver names containerd's and Docker's
 *                containers by their id alone
 * @param monitor whether this is the cgroup of the runtime's monitor process for the container (CRI-O's
 *                {@code crio-conmon-<id>}) rather than of the container itself
 */
public record ContainerCgroup(String id, Optional<ContainerRuntime> runtime, boolean monitor) {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    public ContainerCgroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runtime, "runtime");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a container id is 64 lower-case hex digits, not " + id);
        }
    }

    static boolean isId(String text) {
        return ID.matcher(text).matches();
    }
}
