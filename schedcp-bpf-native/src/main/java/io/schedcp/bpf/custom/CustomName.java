package io.schedcp.bpf.custom;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for a custom scheduler's name: it names a directory and is typed by users as {@code custom:NAME}.
 * The one place that reads and writes the {@code custom:} prefix.
 */
public final class CustomName {

    /** What a custom scheduler's qualified name starts with; also the list filter for all of them. */
    public static final String PREFIX = CustomProvider.ID + ":";

    static final int MAX_LENGTH = 32;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private CustomName() {}

    /** Returns {@code name} if it is a lower-case C identifier of at most 32 characters, else fails saying so. */
    public static String require(String name) {
        if (name == null || name.isBlank()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "a custom scheduler needs a name: a lower-case " + "identifier such as my_fifo");
        }
        if (name.length() > MAX_LENGTH || !IDENTIFIER.matcher(name).matches()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "'" + name + "' is not a valid custom scheduler name: use "
                            + "a lower-case C identifier (letters a-z, digits, '_', not starting with a digit) of at most "
                            + MAX_LENGTH + " characters, such as " + suggestion(name));
        }
        return name;
    }

    /**
     * The plain name of {@code given}, as a user may type it: {@code NAME} or {@code custom:NAME} both give
     * {@code NAME}. Not checked against the rules: an unknown name is the store's to report.
     */
    public static String parse(String given) {
        if (given == null) {
            return "";
        }
        return given.startsWith(PREFIX) ? given.substring(PREFIX.length()) : given;
    }

    /** {@code custom:NAME}: how the manager, the lists and the messages name {@code name}. */
    public static String qualified(String name) {
        return PREFIX + parse(name);
    }

    /** A valid name made from {@code text}, for example from a file name. */
    public static String suggestion(String text) {
        String base = text == null
                ? ""
                : text.toLowerCase(Locale.ROOT)
                        .replaceAll("\\.bpf\\.c$|\\.c$", "")
                        .replaceAll("[^a-z0-9_]", "_");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            base = "sched_" + base;
        }
        return base.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH) : base;
    }
}
