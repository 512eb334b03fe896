package io.schedcp.core.provider;

import io.schedcp.api.spi.SchedulerProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers with {@link ServiceLoader}. A provider that cannot be loaded or instantiated is
 * reported through {@link Problems} and skipped; the others are still found.
 */
public final class ProviderDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);
    /** Past this many failures in one loader, stop: its iterator may be stuck on the same broken entry. */
    private static final int MAX_FAILURES = 50;

    private ProviderDiscovery() {}

    /** The providers visible to the layer and class loader that hold the API. */
    public static List<SchedulerProvider> builtIn(Problems problems) {
        Module api = SchedulerProvider.class.getModule();
        ServiceLoader<SchedulerProvider> loader = api.isNamed() && api.getLayer() != null
                ? ServiceLoader.load(api.getLayer(), SchedulerProvider.class)
                : ServiceLoader.load(SchedulerProvider.class, SchedulerProvider.class.getClassLoader());
        return load(loader, type -> true, "the module path or class path", problems);
    }

    /**
     * The providers {@code loader} yields whose class passes {@code accept}; {@code source} names where
     * they come from in messages.
     */
    static List<SchedulerProvider> load(
            ServiceLoader<SchedulerProvider> loader, Predicate<Class<?>> accept, String source, Problems problems) {
        List<SchedulerProvider> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<SchedulerProvider>> it = loader.stream().iterator();
        int failures = 0;
        while (failures < MAX_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                ServiceLoader.Provider<SchedulerProvider> candidate = it.next();
                if (!accept.test(candidate.type())) {
                    continue;
                }
                SchedulerProvider provider = candidate.get();
                LOG.debug("found provider {} ({}) in {}", provider.getClass().getName(), provider.id(), source);
                found.add(provider);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures++;
                problems.add(
                        "a scheduler provider in " + source + " could not be loaded and was skipped: " + describe(e),
                        e);
            }
        }
        return found;
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage());
        }
        return text.toString();
    }
}
