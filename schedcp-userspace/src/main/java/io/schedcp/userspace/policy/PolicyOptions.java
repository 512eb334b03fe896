package io.schedcp.userspace.policy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a policy's {@code --policy-opt KEY=VALUE} options: refuses keys the policy does not know and values that
 * are not what the key takes, with an {@link IllegalArgumentException} that names them (the registry turns it into
 * an INVALID_INPUT failure).
 */
public final class PolicyOptions {

    /** The longest slice an option may ask for: longer ones would only hide starvation. */
    public static final long MAX_SLICE_US = 1_000_000;
    /** The shortest slice an option may ask for: shorter ones spend the CPU on switching. */
    public static final long MIN_SLICE_US = 100;

    private final Map<String, String> options;

    private PolicyOptions(Map<String, String> options) {
        this.options = options;
    }

    /**
     * The options of {@code policy}, refused when one is not among {@code known}.
     *
     * @throws IllegalArgumentException naming the first unknown key and the known ones
     */
    public static PolicyOptions of(String policy, Map<String, String> options, Set<String> known) {
        for (String key : new TreeSet<>(options.keySet())) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("there is no option " + key + " (" + policy + " takes "
                        + (known.isEmpty() ? "no options" : String.join(", ", new TreeSet<>(known))) + ")");
            }
        }
        return new PolicyOptions(Map.copyOf(options));
    }

    /** The value of {@code key}, if given. */
    public Optional<String> string(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /**
     * The slice {@code key} gives in microseconds, as nanoseconds.
     *
     * @throws IllegalArgumentException when it is not a whole number from {@link #MIN_SLICE_US} to
     *     {@link #MAX_SLICE_US}
     */
    public OptionalLong sliceNs(String key) {
        String value = options.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        long us;
        try {
            us = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(outOfRange(key, value), e);
        }
        if (us < MIN_SLICE_US || us > MAX_SLICE_US) {
            throw new IllegalArgumentException(outOfRange(key, value));
        }
        return OptionalLong.of(us * 1000);
    }

    private static String outOfRange(String key, String value) {
        return "option " + key + " is " + value + ", not a whole number of microseconds from " + MIN_SLICE_US + " to "
                + MAX_SLICE_US;
    }
}
