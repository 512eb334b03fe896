package io.schedcp.api.policy;

import java.util.Map;

/**
 * What a policy is created with.
 *
 * @param cpus the number of possible CPUs
 * @param defaultSliceNs the slice a {@link Dispatch#DEFAULT_SLICE} dispatch gets
 * @param options the policy's options, from {@code --policy-opt KEY=VALUE}; a policy refuses a key it does not
 *     know with an {@link IllegalArgumentException} that names it
 */
public record PolicyContext(int cpus, long defaultSliceNs, Map<String, String> options) {

    public PolicyContext {
        if (cpus < 1) {
            throw new IllegalArgumentException("A machine has at least one CPU, not " + cpus + ".");
        }
        if (defaultSliceNs < 1) {
            throw new IllegalArgumentException("The default slice is at least 1 ns, not " + defaultSliceNs + ".");
        }
        options = Map.copyOf(options);
    }
}
