package io.schedcp.core.manager;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedulerDescriptor;

/**
 * A scheduler as listed: its descriptor, whether it can run here, and whether its plain name reaches it.
 *
 * @param descriptor      what it is
 * @param availability    whether it can start on this host now, and if not, why
 * @param servesPlainName false when a provider of higher precedence claims the same name; then only the
 *                        qualified name reaches this one
 */
public record SchedulerEntry(SchedulerDescriptor descriptor, Availability availability, boolean servesPlainName) {

    /** The name that reaches this scheduler: the plain name, or {@code provider:name} when shadowed. */
    public String reachableName() {
        return servesPlainName ? descriptor.name() : descriptor.qualifiedName();
    }
}
