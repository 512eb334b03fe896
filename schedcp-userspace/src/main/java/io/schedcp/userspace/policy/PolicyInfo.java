package io.schedcp.userspace.policy;

import java.util.Objects;

/**
 * A policy the registry offers, for {@code schedcp policy list-policies}.
 *
 * @param name what {@code --policy} takes
 * @param description one line on what it does
 * @param origin whether schedcp ships it or a plugin brought it
 * @param source where it was found: "built-in", "plugin JAR-OR-DIRECTORY" for a plugin in a plugin directory,
 *     or the class loader or module layer it was found in
 */
public record PolicyInfo(String name, String description, Origin origin, String source) {

    /** Where a policy comes from. */
    public enum Origin {
        BUILTIN,
        PLUGIN
    }

    public PolicyInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
    }

    public boolean builtin() {
        return origin == Origin.BUILTIN;
    }
}
