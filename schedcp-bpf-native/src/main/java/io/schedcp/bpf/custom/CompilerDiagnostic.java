package io.schedcp.bpf.custom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message of clang, as it wrote it: {@code file:line:column: severity: message}.
 *
 * @param severity {@code error}, {@code fatal error}, {@code warning} or {@code note}
 */
public record CompilerDiagnostic(String file, int line, int column, String severity, String message) {

    private static final Pattern LINE =
            Pattern.compile("^(.+?):(\\d+):(\\d+): (error|fatal error|warning|note): (.*)$");

    public static Optional<CompilerDiagnostic> parse(String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CompilerDiagnostic(
                m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4), m.group(5)));
    }

    /** Every diagnostic in clang's output, in order. */
    public static List<CompilerDiagnostic> parseAll(List<String> output) {
        List<CompilerDiagnostic> found = new ArrayList<>();
        output.forEach(line -> parse(line).ifPresent(found::add));
        return found;
    }

    public boolean isError() {
        return severity.endsWith("error");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity + ": " + message;
    }
}
