package io.schedcp.daemon.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * What a YAML syntax error says, taken out of SnakeYAML's message, which puts the context ("while parsing a
 * block mapping") first and the problem, with the line it was found on, after it: the problem and that line
 * are what the user needs.
 */
record YamlSyntaxError(int line, String problem) {

    private static final Pattern MARK = Pattern.compile("^\\s*in reader, line (\\d+), column \\d+:");

    static YamlSyntaxError of(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String problem = "";
        String context = "";
        for (String text : message.lines().toList()) {
            Matcher mark = MARK.matcher(text);
            if (mark.find()) {
                line = Integer.parseInt(mark.group(1));
            } else if (!text.isEmpty() && !Character.isWhitespace(text.charAt(0))) {
                if (text.startsWith("while ")) {
                    context = text;
                } else {
                    problem = text;
                }
            }
        }
        return new YamlSyntaxError(line, (problem.isEmpty() ? context : problem).strip());
    }
}
