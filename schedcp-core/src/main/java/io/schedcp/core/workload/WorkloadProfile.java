package io.schedcp.core.workload;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A workload someone runs and wants a scheduler for, described in their own words.
 *
 * @param id          short and typeable, {@code w-} and 8 hex digits, unique in its store
 * @param name        a short name for lists
 * @param description what the workload is and what matters to it, in plain language
 * @param tags        what the {@link Tagger} made of the description when the workload was created
 * @param createdAt   when it was created
 */
public record WorkloadProfile(String id, String name, String description, Set<WorkloadTag> tags, Instant createdAt) {

    public WorkloadProfile {
        Objects.requireNonNull(id, "a workload needs an id");
        Objects.requireNonNull(createdAt, "a workload needs its creation time");
        description = text(
                description,
                "a workload needs a description: say in a few words what runs and what "
                        + "matters to it, such as \"kernel build with make -j32, as fast as possible\"");
        name = text(name, "a workload's name cannot be blank; leave it out to take the description's first words");
        tags = Collections.unmodifiableSet(
                tags == null || tags.isEmpty() ? EnumSet.noneOf(WorkloadTag.class) : EnumSet.copyOf(tags));
    }

    private static String text(String value, String problem) {
        if (value == null || value.isBlank()) {
            throw new SchedcpException(Kind.INVALID_INPUT, problem);
        }
        return value.strip();
    }
}
