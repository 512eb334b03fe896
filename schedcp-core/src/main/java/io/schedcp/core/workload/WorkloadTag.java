package io.schedcp.core.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The closed vocabulary that describes what a workload (or a scheduler) cares about. Workloads and schedulers
 * are compared by these tags, so a tag is only added here together with the {@link Tagger} rules that give it.
 */
public enum WorkloadTag {

    /** Response time matters more than total work done: servers, games, audio. */
    LATENCY_SENSITIVE("latency-sensitive"),
    /** Total work done per unit of time matters most: encoding, rendering, training, HPC. */
    THROUGHPUT("throughput"),
    /** A person waits on it: desktops, browsers, games. */
    INTERACTIVE("interactive"),
    /** Runs to completion in the background; nobody waits on a single step. */
    BATCH("batch"),
    /** Compiling software: many short, CPU-bound processes. */
    BUILD("build"),
    /** Answers requests from elsewhere: web servers, databases, RPC services. */
    SERVER("server"),
    /** Runs in containers or cgroups that share the machine. */
    CONTAINER("container"),
    /** Has hard timing needs: audio, real-time control. */
    REALTIME("realtime"),
    /** Should use little power: laptops, handhelds, battery. */
    POWER_SAVING("power-saving"),
    /** Runs virtual machines or runs inside one. */
    VIRTUALIZATION("virtualization");

    private final String label;

    WorkloadTag(String label) {
        this.label = label;
    }

    /** The name used in files, JSON and on the command line, such as {@code latency-sensitive}. */
    @JsonValue
    public String label() {
        return label;
    }

    /**
     * The tag named {@code label} (case and {@code _}/{@code -} do not matter).
     *
     * @throws SchedcpException INVALID_INPUT naming the tags there are
     */
    @JsonCreator
    public static WorkloadTag parse(String label) {
        String wanted =
                label == null ? "" : label.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (WorkloadTag tag : values()) {
            if (tag.label.equals(wanted)) {
                return tag;
            }
        }
        throw new SchedcpException(
                Kind.INVALID_INPUT,
                "'" + label + "' is not a workload tag; the tags are "
                        + Arrays.stream(values()).map(WorkloadTag::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
