package io.schedcp.api;

import java.util.List;
import java.util.Objects;

/**
 * Everything known about one scheduler: what it does, when to use it, how to tune it and what it needs.
 *
 * @param name              the name users type, unique within its provider (for example {@code scx_simple})
 * @param provider          the id of the provider that offers it
 * @param opsName           the name the kernel reports in {@code /sys/kernel/sched_ext/root/ops} while it runs
 * @param productionReady   whether its authors consider it fit for production machines
 * @param description       what it is, in a few sentences
 * @param algorithm         how it decides which task runs where and for how long
 * @param useCases          workloads it suits
 * @param characteristics   its notable traits
 * @param tuningParameters  its command-line flags
 * @param limitations       what it does badly or not at all
 * @param performanceProfile what to expect of latency, throughput and overhead
 * @param requirements      what the machine must offer
 */
public record SchedulerDescriptor(
        String name,
        String provider,
        String opsName,
        boolean productionReady,
        String description,
        String algorithm,
        List<String> useCases,
        String characteristics,
        List<TuningParameter> tuningParameters,
        String limitations,
        String performanceProfile,
        Requirements requirements) {

    public SchedulerDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(opsName, "opsName");
        description = Objects.requireNonNullElse(description, "");
        algorithm = Objects.requireNonNullElse(algorithm, "");
        useCases = List.copyOf(Objects.requireNonNullElse(useCases, List.of()));
        characteristics = Objects.requireNonNullElse(characteristics, "");
        tuningParameters = List.copyOf(Objects.requireNonNullElse(tuningParameters, List.of()));
        limitations = Objects.requireNonNullElse(limitations, "");
        performanceProfile = Objects.requireNonNullElse(performanceProfile, "");
        requirements = Objects.requireNonNullElse(requirements, Requirements.NONE);
    }

    /** The name qualified by its provider, such as {@code scx:scx_simple}: unique across all providers. */
    public String qualifiedName() {
        return provider + ":" + name;
    }

    /** This descriptor as offered by the provider {@code providerId}. */
    public SchedulerDescriptor withProvider(String providerId) {
        return new SchedulerDescriptor(
                name,
                providerId,
                opsName,
                productionReady,
                description,
                algorithm,
                useCases,
                characteristics,
                tuningParameters,
                limitations,
                performanceProfile,
                requirements);
    }

    /** Whether {@code reportedOps}, as read from {@code root/ops}, names this scheduler. */
    public boolean matchesKernelOps(String reportedOps) {
        return OpsNames.matches(opsName, reportedOps);
    }
}
