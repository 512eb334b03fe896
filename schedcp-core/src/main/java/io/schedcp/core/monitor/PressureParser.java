package io.schedcp.core.monitor;

import io.schedcp.core.monitor.Pressure.Line;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a PSI file such as {@code /proc/pressure/cpu}: a {@code some} line, then maybe a {@code full} line,
 * each {@code avg10=A avg60=B avg300=C total=T}.
 */
public final class PressureParser {

    private static final String[] KEYS = {"avg10", "avg60", "avg300", "total"};
    /** The kernel prints the averages as %lu.%02lu. */
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}\\.\\d{2}");

    private PressureParser() {}

    /** Reads {@code pressure/cpu} under {@code procRoot}; empty when the kernel has no PSI or it is off. */
    public static Optional<Pressure> read(Path procRoot) {
        return ProcText.readIfPresent(procRoot.resolve("pressure").resolve("cpu"))
                .map(PressureParser::parse);
    }

    /** Parses {@code text} as the content of {@code file}, which errors name. */
    public static Pressure parse(Path file, String text) {
        return parse(ProcText.of(file, text));
    }

    private static Pressure parse(ProcText text) {
        Line some = line(text, 1, "some");
        Optional<Line> full = Optional.empty();
        if (text.lines().size() >= 2) {
            full = Optional.of(line(text, 2, "full"));
        }
        if (text.lines().size() > 2) {
            throw text.error(3, "a pressure file has a 'some' and a 'full' line, nothing after them");
        }
        return new Pressure(some, full);
    }

    private static Line line(ProcText text, int number, String kind) {
        String[] fields = ProcText.fields(text.line(number));
        if (fields.length != KEYS.length + 1 || !fields[0].equals(kind)) {
            throw text.error(number, "line " + number + " is '" + kind + " avg10=A avg60=B avg300=C total=T'");
        }
        String[] values = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            String field = fields[i + 1];
            if (!field.startsWith(KEYS[i] + "=")) {
                throw text.error(number, "'" + field + "' where " + KEYS[i] + "= belongs");
            }
            values[i] = field.substring(KEYS[i].length() + 1);
        }
        return new Line(
                percent(text, number, values[0]),
                percent(text, number, values[1]),
                percent(text, number, values[2]),
                text.count(number, values, 3));
    }

    private static double percent(ProcText text, int number, String value) {
        if (!PERCENT.matcher(value).matches()) {
            throw text.error(number, "'" + value + "' where a percentage like 1.25 belongs");
        }
        double percent = Double.parseDouble(value);
        if (percent > 100.0) {
            throw text.error(number, "'" + value + "' is more than 100 percent");
        }
        return percent;
    }
}
