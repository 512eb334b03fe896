package io.schedcp.daemon.mode;

import java.util.List;
import java.util.Objects;

/**
 * What a mode runs now, and why: for auto, the scheduler the history favours or the default; for the others,
 * their entry in the table.
 *
 * @param mode the mode
 * @param scheduler the scheduler to run
 * @param args its flags
 * @param source where it comes from: {@link #BUILT_IN}, {@link #CONFIG} or, for auto, {@link #HISTORY}
 * @param reason why this scheduler, in a sentence
 */
public record ModeChoice(Mode mode, String scheduler, List<String> args, String source, String reason) {

    /** The built-in table's entry. */
    public static final String BUILT_IN = "built-in";
    /** The config file's entry. */
    public static final String CONFIG = "config";
    /** Auto's pick from this host's workload history. */
    public static final String HISTORY = "history";

    public ModeChoice {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scheduler, "scheduler");
        args = List.copyOf(args);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }
}
