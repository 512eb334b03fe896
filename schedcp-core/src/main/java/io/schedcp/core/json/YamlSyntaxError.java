package io.schedcp.core.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * What a YAML syntax error says, taken out of SnakeYAML's message: it puts the context first ("while parsing a
 * block collection", with the line it began on), then the problem and the line where it was found, which is the
 * one worth showing. The SLO config's and the daemon config's readers report their syntax errors with it.
 */
public record YamlSyntaxError(int line, String problem) {

    private static final Pattern MARK = Pattern.compile("^\\s*in reader, line (\\d+), column \\d+:");

    /** The line and the problem of {@code e}, a syntax error of Jackson's YAML parser. */
    public static YamlSyntaxError of(JacksonException e) {
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
