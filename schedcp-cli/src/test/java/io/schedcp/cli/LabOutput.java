package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The key=value facts a lab scenario printed, as its IT reads them; a missing fact fails with the output. */
record LabOutput(String text) {

    /** The number after {@code key=}, the first time it appears. */
    long figure(String key) {
        Matcher m = Pattern.compile(key + "=(\\d+)").matcher(text);
        assertThat(m.find()).as("no " + key + " in\n" + text).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The text from {@code start} to the next {@code end} after it. */
    String between(String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("no " + start + " in\n" + text).isNotNegative();
        int to = text.indexOf(end, from);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    /** The lines that start with each of {@code keys}, joined: the figures an assertion message shows. */
    String lines(List<String> keys) {
        StringBuilder line = new StringBuilder();
        for (String key : keys) {
            Matcher m = Pattern.compile("(" + key + "[^\\n]*)").matcher(text);
            if (m.find()) {
                line.append(m.group(1)).append("; ");
            }
        }
        return line.toString();
    }
}
