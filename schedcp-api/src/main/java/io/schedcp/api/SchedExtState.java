package io.schedcp.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the kernel's sched_ext state, as read from {@code /sys/kernel/sched_ext}.
 *
 * @param supported  whether this kernel has sched_ext at all
 * @param state      {@code disabled}, {@code enabling}, {@code enabled} or {@code disabling}
 * @param ops        the running scheduler's ops name, while one is loaded
 * @param enableSeq  how many times a scheduler was enabled since boot
 * @param nrRejected tasks the running scheduler rejected (they fell back to the fair class)
 * @param switchAll  whether the scheduler took every task, not only those asking for SCHED_EXT
 * @param events     the root scheduler's event counters, by name
 */
public record SchedExtState(
        boolean supported,
        String state,
        Optional<String> ops,
        long enableSeq,
        long nrRejected,
        boolean switchAll,
        Map<String, Long> events) {

    /** The state of a kernel without sched_ext. */
    public static final SchedExtState UNSUPPORTED =
            new SchedExtState(false, "unsupported", Optional.empty(), 0, 0, false, Map.of());

    public SchedExtState {
        Objects.requireNonNull(state, "state");
        ops = Objects.requireNonNullElse(ops, Optional.empty());
        events = Map.copyOf(Objects.requireNonNullElse(events, Map.of()));
    }

    public boolean isEnabled() {
        return supported && "enabled".equals(state);
    }

    public boolean isDisabled() {
        return supported && "disabled".equals(state);
    }
}
