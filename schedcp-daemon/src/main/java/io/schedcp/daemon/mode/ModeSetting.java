package io.schedcp.daemon.mode;

import java.util.List;
import java.util.Objects;

/**
 * What a mode runs: a scheduler and its flags, and whether the config chose them or they are the built-in
 * default.
 *
 * @param scheduler the scheduler's name, plain or qualified
 * @param args its flags
 * @param fromConfig whether the daemon's config file set them
 */
public record ModeSetting(String scheduler, List<String> args, boolean fromConfig) {

    public ModeSetting {
        Objects.requireNonNull(scheduler, "scheduler");
        args = List.copyOf(args);
    }

    static ModeSetting builtIn(String scheduler, String... args) {
        return new ModeSetting(scheduler, List.of(args), false);
    }

    /** {@code scx_lavd --performance}. */
    public String commandLine() {
        return args.isEmpty() ? scheduler : scheduler + " " + String.join(" ", args);
    }
}
