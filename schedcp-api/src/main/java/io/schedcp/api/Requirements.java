package io.schedcp.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scheduler needs from the machine.
 *
 * @param minKernel the oldest kernel version it runs on, such as {@code 6.12}, where known
 * @param topology  what it assumes of the CPU layout (cores, NUMA, caches), or empty
 * @param cgroupV2  whether it needs the unified cgroup hierarchy
 * @param notes     anything else: a companion service, a kernel config option, a minimum CPU count
 */
public record Requirements(Optional<String> minKernel, String topology, boolean cgroupV2, List<String> notes) {

    /** A scheduler that asks for nothing beyond sched_ext itself. */
    public static final Requirements NONE = new Requirements(Optional.empty(), "", false, List.of());

    public Requirements {
        minKernel = Objects.requireNonNullElse(minKernel, Optional.empty());
        topology = Objects.requireNonNullElse(topology, "");
        notes = List.copyOf(Objects.requireNonNullElse(notes, List.of()));
    }
}
