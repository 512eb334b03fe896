package io.schedcp.bpf.custom;

import java.util.List;
import java.util.Objects;

/** The descriptor fields a user may give a custom scheduler when creating it; all optional. */
public record DescriptorFields(
        String description,
        String algorithm,
        List<String> useCases,
        String characteristics,
        String limitations,
        String performanceProfile) {

    public static final DescriptorFields NONE = new DescriptorFields("", "", List.of(), "", "", "");

    public DescriptorFields {
        description = Objects.requireNonNullElse(description, "");
        algorithm = Objects.requireNonNullElse(algorithm, "");
        useCases = List.copyOf(Objects.requireNonNullElse(useCases, List.of()));
        characteristics = Objects.requireNonNullElse(characteristics, "");
        limitations = Objects.requireNonNullElse(limitations, "");
        performanceProfile = Objects.requireNonNullElse(performanceProfile, "");
    }

    public DescriptorFields withDescription(String text) {
        return new DescriptorFields(text, algorithm, useCases, characteristics, limitations, performanceProfile);
    }
}
