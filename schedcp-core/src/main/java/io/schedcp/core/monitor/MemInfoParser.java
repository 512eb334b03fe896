package io.schedcp.core.monitor;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code /proc/meminfo}: one {@code Name: value} per line, the value followed by {@code kB} unless it
 * is a count (the {@code HugePages_} lines). {@code MemAvailable} has been there since Linux 3.14.
 */
public final class MemInfoParser {

    private static final List<String> NEEDED = List.of("MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached");

    private MemInfoParser() {}

    /** Reads {@code meminfo} under {@code procRoot}. */
    public static MemInfo read(Path procRoot) {
        return parse(ProcText.read(procRoot.resolve("meminfo")));
    }

    /** Parses {@code text} as the content of {@code file}, which errors name. */
    public static MemInfo parse(Path file, String text) {
        return parse(ProcText.of(file, text));
    }

    private static MemInfo parse(ProcText text) {
        Map<String, Long> values = new HashMap<>();
        for (int number = 1; number <= text.lines().size(); number++) {
            String line = text.line(number);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw text.error(number, "it is not 'Name: value'");
            }
            String name = line.substring(0, colon);
            String[] value = ProcText.fields(line.substring(colon + 1));
            boolean sized = value.length == 2 && value[1].equals("kB");
            if (!(value.length == 1 || sized)) {
                throw text.error(number, "a value is a number, in kB or alone");
            }
            if (NEEDED.contains(name) && !sized) {
                throw text.error(number, name + " is in kB, and the unit is missing");
            }
            if (values.put(name, text.count(number, value, 0)) != null) {
                throw text.error(number, name + " appears twice");
            }
        }
        for (String name : NEEDED) {
            if (!values.containsKey(name)) {
                throw text.error("it has no " + name + " line (every kernel since 3.14 writes one), so it was cut "
                        + "short or is not the kernel's file");
            }
        }
        return new MemInfo(
                values.get("MemTotal"),
                values.get("MemFree"),
                values.get("MemAvailable"),
                values.get("Buffers"),
                values.get("Cached"));
    }
}
