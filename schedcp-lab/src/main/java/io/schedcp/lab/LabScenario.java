package io.schedcp.lab;

import java.util.Objects;

/**
 * One piece of work for a lab boot: a bash script run in the guest. Several scenarios share one boot, so
 * the boot time is paid once; each gets its own exit status, output and duration.
 *
 * @param name   a short name, letters, digits, '-' and '_' (it goes into console markers)
 * @param script bash source; it runs in its own bash, in the directory the lab was started from
 */
public record LabScenario(String name, String script) {

    public LabScenario {
        Objects.requireNonNull(script, "script");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a lab scenario name must be 1-64 letters, digits, '-' or '_': " + name);
        }
    }
}
