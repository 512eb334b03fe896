package io.schedcp.core.manager;

import io.schedcp.api.Availability;
import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.provider.ProviderRegistry;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The schedulers of every provider as users name them, with their availability on this host: a provider's
 * own answer, or the kernel's lack of sched_ext when the provider has no objection.
 */
final class SchedulerDirectory {

    private final ProviderRegistry registry;
    private final SchedExtReader kernel;

    SchedulerDirectory(ProviderRegistry registry, SchedExtReader kernel) {
        this.registry = registry;
        this.kernel = kernel;
    }

    List<SchedulerEntry> list() {
        boolean supported = kernel.isSupported();
        return registry.allSchedulers().stream()
                .map(d -> new SchedulerEntry(d, availability(d, supported), registry.servesPlainName(d)))
                .collect(Collectors.toList());
    }

    Optional<SchedulerEntry> find(String name) {
        return registry.resolve(name)
                .map(d -> new SchedulerEntry(d, availability(d, kernel.isSupported()), registry.servesPlainName(d)));
    }

    SchedulerEntry require(String name) {
        return find(name).orElseThrow(() -> {
            List<String> known =
                    list().stream().map(SchedulerEntry::reachableName).collect(Collectors.toList());
            List<String> close = NameSuggestions.closest(name, known, 3);
            return new SchedcpException(
                    Kind.NOT_FOUND,
                    "no scheduler is named '" + name + "'"
                            + (close.isEmpty() ? "" : " (closest: " + String.join(", ", close) + ")"),
                    new UnknownName(Subject.SCHEDULER, name, close));
        });
    }

    private Availability availability(SchedulerDescriptor descriptor, boolean kernelSupported) {
        Availability availability = registry.availability(descriptor);
        if (availability.isAvailable() && !kernelSupported) {
            return Availability.unavailable(SchedExtReader.NO_SCHED_EXT_MESSAGE);
        }
        return availability;
    }
}
