package io.schedcp.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One command-line flag of a scheduler.
 *
 * @param flag         the long form as typed, for example {@code --slice-us}
 * @param shortFlag    the one-letter form, for example {@code -s}, where there is one
 * @param type         the kind of value it takes
 * @param description  what it changes
 * @param defaultValue the value used when it is not given, where there is one
 * @param range        the accepted values in words or as {@code min..max}, where limited
 * @param choices      the accepted values of a {@link ParameterType#CHOICE}
 */
public record TuningParameter(
        String flag,
        Optional<String> shortFlag,
        ParameterType type,
        String description,
        Optional<String> defaultValue,
        Optional<String> range,
        List<String> choices) {

    public TuningParameter {
        Objects.requireNonNull(flag, "flag");
        shortFlag = Objects.requireNonNullElse(shortFlag, Optional.empty());
        Objects.requireNonNull(type, "type");
        description = Objects.requireNonNullElse(description, "");
        defaultValue = Objects.requireNonNullElse(defaultValue, Optional.empty());
        range = Objects.requireNonNullElse(range, Optional.empty());
        choices = List.copyOf(Objects.requireNonNullElse(choices, List.of()));
    }
}
