package io.schedcp.mcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keeps what a client sent from coming back whole: a value of its arguments longer than {@link #MAX_CHARS}
 * characters, where a message quotes it (an unknown name, a bad id), is cut to that length with a note of its
 * full length, in the reply and in the log.
 */
final class EchoedValues {

    static final int MAX_CHARS = 80;

    private EchoedValues() {}

    /** {@code value}, or its first {@link #MAX_CHARS} characters and its length. */
    static String cut(String value) {
        if (value.length() <= MAX_CHARS) {
            return value;
        }
        return value.substring(0, MAX_CHARS).replace('\n', ' ') + "... (" + value.length() + " characters)";
    }

    /** {@code message} with every long argument name or string value in it cut. */
    static String bound(String message, Map<String, Object> arguments) {
        if (arguments == null) {
            return message;
        }
        List<String> longValues = new ArrayList<>();
        collect(arguments, longValues);
        longValues.sort(Comparator.comparingInt(String::length).reversed());
        String bounded = message;
        for (String value : longValues) {
            bounded = bounded.replace(value, cut(value));
        }
        return bounded;
    }

    private static void collect(Object value, List<String> into) {
        if (value instanceof String text && text.length() > MAX_CHARS) {
            into.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                collect(String.valueOf(k), into);
                collect(v, into);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, into));
        }
    }
}
