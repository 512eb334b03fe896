package io.schedcp.core.provider;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers in use and the rule that picks one when several claim a name: the highest
 * {@link SchedulerProvider#rank()} wins, then the provider id first in alphabetical order. A scheduler
 * that loses stays reachable by its qualified name, {@code provider:name}. A provider that throws is
 * reported and left out of that answer; it never breaks the others.
 */
public final class ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    /** Orders the claimants of one name: the first one serves it. */
    public static final Comparator<SchedulerProvider> PRECEDENCE =
            Comparator.comparingInt(SchedulerProvider::rank).reversed().thenComparing(SchedulerProvider::id);

    private final List<SchedulerProvider> providers;
    private final Problems problems;

    /**
     * Takes {@code candidates} in order (explicit ones first, then discovered ones), initializes each and
     * keeps the first provider of each id.
     */
    public ProviderRegistry(List<SchedulerProvider> candidates, ProviderContext context, Problems problems) {
        this.problems = problems;
        Map<String, SchedulerProvider> byId = new LinkedHashMap<>();
        for (SchedulerProvider provider : candidates) {
            String id = null;
            try {
                id = provider.id();
                if (id == null || !id.matches("[a-z][a-z0-9_-]*")) {
                    problems.add("provider " + provider.getClass().getName() + " was skipped: its id '" + id
                            + "' is not a lower-case word such as 'scx'");
                    continue;
                }
                if (byId.containsKey(id)) {
                    problems.add("provider " + provider.getClass().getName() + " was skipped: the id '" + id
                            + "' is already taken by " + byId.get(id).getClass().getName());
                    continue;
                }
                provider.initialize(context);
            } catch (RuntimeException | LinkageError e) {
                problems.add(
                        "provider " + (id == null ? "" : id + " (")
                                + provider.getClass().getName()
                                + (id == null ? "" : ")") + " failed to initialize and was skipped: "
                                + ProviderDiscovery.describe(e),
                        e);
                continue;
            }
            byId.put(id, provider);
            LOG.info("provider {} ({}) rank {}", id, provider.getClass().getName(), provider.rank());
        }
        this.providers = List.copyOf(byId.values());
    }

    public List<SchedulerProvider> providers() {
        return providers;
    }

    public Problems problems() {
        return problems;
    }

    public Optional<SchedulerProvider> provider(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Every scheduler of every provider, in provider precedence order, losers of a name included. */
    public List<SchedulerDescriptor> allSchedulers() {
        List<SchedulerDescriptor> all = new ArrayList<>();
        for (SchedulerProvider provider : sorted()) {
            all.addAll(schedulersOf(provider));
        }
        return all;
    }

    /**
     * The scheduler a name stands for: {@code provider:name} names one exactly; a plain name goes to the
     * provider with the highest precedence that claims it.
     */
    public Optional<SchedulerDescriptor> resolve(String name) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            String providerId = name.substring(0, colon);
            String plain = name.substring(colon + 1);
            return provider(providerId).flatMap(p -> find(p, plain));
        }
        for (SchedulerProvider provider : sorted()) {
            Optional<SchedulerDescriptor> found = find(provider, name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether the plain name of {@code descriptor} resolves to it, not to another provider's scheduler. */
    public boolean servesPlainName(SchedulerDescriptor descriptor) {
        return resolve(descriptor.name())
                .map(d -> d.provider().equals(descriptor.provider()))
                .orElse(false);
    }

    public Availability availability(SchedulerDescriptor descriptor) {
        Optional<SchedulerProvider> provider = provider(descriptor.provider());
        if (provider.isEmpty()) {
            return Availability.unavailable("its provider '" + descriptor.provider() + "' is not loaded");
        }
        try {
            return provider.get().availability(descriptor.name());
        } catch (RuntimeException e) {
            problems.add(
                    "provider " + descriptor.provider() + " failed to say whether " + descriptor.name()
                            + " is available: " + ProviderDiscovery.describe(e),
                    e);
            return Availability.unavailable("its provider failed to check it: " + e.getMessage());
        }
    }

    private Optional<SchedulerDescriptor> find(SchedulerProvider provider, String name) {
        return schedulersOf(provider).stream()
                .filter(d -> d.name().equals(name))
                .findFirst();
    }

    private List<SchedulerDescriptor> schedulersOf(SchedulerProvider provider) {
        try {
            List<SchedulerDescriptor> list = provider.schedulers();
            if (list == null) {
                return List.of();
            }
            // The provider's id is authoritative: a descriptor naming another provider would be unreachable.
            return list.stream()
                    .map(d -> d.provider().equals(provider.id()) ? d : d.withProvider(provider.id()))
                    .collect(java.util.stream.Collectors.toList());
        } catch (RuntimeException e) {
            problems.add(
                    "provider " + provider.id() + " failed to list its schedulers and was left out: "
                            + ProviderDiscovery.describe(e),
                    e);
            return List.of();
        }
    }

    private List<SchedulerProvider> sorted() {
        List<SchedulerProvider> sorted = new ArrayList<>(providers);
        sorted.sort(PRECEDENCE);
        return sorted;
    }
}
