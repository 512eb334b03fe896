package io.schedcp.core.process;

import java.util.List;
import java.util.Map;

/**
 * The environment of every process schedcp starts: this process's own, less the sudo password. The password
 * goes to sudo's stdin and nowhere else; a child that inherited it could print it into output that schedcp
 * stores, shows or hands to an MCP client.
 */
public final class ChildEnvironment {

    private ChildEnvironment() {}

    /** A process builder for {@code command} whose environment lacks the password. */
    public static ProcessBuilder builder(List<String> command) {
        return scrub(new ProcessBuilder(command));
    }

    /** Takes the password out of {@code builder}'s environment; returns the same builder. */
    public static ProcessBuilder scrub(ProcessBuilder builder) {
        builder.environment().remove(Privilege.PASSWORD_VARIABLE);
        return builder;
    }

    /** {@code variables} without the password, for a child's explicit environment. */
    public static Map<String, String> without(Map<String, String> variables) {
        if (!variables.containsKey(Privilege.PASSWORD_VARIABLE)) {
            return variables;
        }
        Map<String, String> rest = new java.util.TreeMap<>(variables);
        rest.remove(Privilege.PASSWORD_VARIABLE);
        return rest;
    }
}
