package io.schedcp.mcp.tools;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.core.manager.SchedulerEntry;
import io.schedcp.mcp.ToolAdvice;
import java.util.Optional;

/**
 * A scheduler as the tools and resources show it: the name that reaches it, whether it can run here and
 * why not, where its resource is, and its whole descriptor.
 */
public record SchedulerView(
        String name,
        String qualifiedName,
        boolean available,
        Optional<String> unavailableReason,
        String resourceUri,
        SchedulerDescriptor descriptor) {

    private static final String URI_PREFIX = "schedcp://schedulers/";

    public static SchedulerView of(SchedulerEntry entry) {
        Optional<String> reason = entry.availability() instanceof Availability.Unavailable u
                ? Optional.of(ToolAdvice.reason(u))
                : Optional.empty();
        return new SchedulerView(
                entry.reachableName(),
                entry.descriptor().qualifiedName(),
                entry.availability().isAvailable(),
                reason,
                resourceUri(entry.descriptor()),
                entry.descriptor());
    }

    /** {@code schedcp://schedulers/PROVIDER/NAME}: one resource per scheduler. */
    public static String resourceUri(SchedulerDescriptor descriptor) {
        return URI_PREFIX + descriptor.provider() + "/" + descriptor.name();
    }

    /**
     * One line: name, provider, production readiness, whether it runs here (and why not, when
     * {@code withReason}), what it is.
     */
    String summaryLine(boolean withReason) {
        String availability =
                available ? "available" : withReason ? "unavailable: " + unavailableReason.orElse("") : "unavailable";
        return name + " (" + descriptor.provider() + (descriptor.productionReady() ? ", production-ready" : "") + "; "
                + availability + "). " + firstSentence(descriptor.description());
    }

    static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
