package io.schedcp.core.monitor;

import io.schedcp.core.monitor.ProcStat.CpuTimes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code /proc/stat}'s CPU lines ({@code man 5 proc}): {@code cpu} then one {@code cpuN} per online CPU,
 * each with user, nice, system, idle, iowait, irq, softirq, steal, guest and guest_nice ticks, and after them
 * the {@code intr}, {@code ctxt}, {@code btime}... lines, which are not needed here.
 */
public final class ProcStatParser {

    /** user to steal: the columns every kernel since 2.6.11 writes. */
    private static final int COLUMNS = 8;

    private ProcStatParser() {}

    /** Reads {@code stat} under {@code procRoot}. */
    public static ProcStat read(Path procRoot) {
        return parse(ProcText.read(procRoot.resolve("stat")));
    }

    /** Parses {@code text} as the content of {@code file}, which errors name. */
    public static ProcStat parse(Path file, String text) {
        return parse(ProcText.of(file, text));
    }

    private static ProcStat parse(ProcText text) {
        if (!text.line(1).startsWith("cpu ")) {
            throw text.error(1, "the first line of /proc/stat is the 'cpu' total");
        }
        String[] first = fields(text, 1);
        CpuTimes all = times(text, 1, first);
        Map<Integer, CpuTimes> cpus = new LinkedHashMap<>();
        int number = 2;
        for (; number <= text.lines().size() && text.line(number).startsWith("cpu"); number++) {
            String[] fields = fields(text, number);
            if (fields.length != first.length) {
                throw text.error(
                        number,
                        "it has " + (fields.length - 1) + " columns where the 'cpu' line has " + (first.length - 1));
            }
            int cpu = text.cpuNumber(number, fields[0]);
            if (cpus.put(cpu, times(text, number, fields)) != null) {
                throw text.error(number, "cpu" + cpu + " appears twice");
            }
        }
        if (cpus.isEmpty()) {
            throw text.error(1, "no 'cpuN' line follows the 'cpu' total");
        }
        if (number > text.lines().size()) {
            throw text.error("the file ends after its cpu lines, where the kernel writes 'intr', 'ctxt' and "
                    + "'btime', so it was cut short");
        }
        return new ProcStat(all, cpus);
    }

    private static String[] fields(ProcText text, int number) {
        String[] fields = ProcText.fields(text.line(number));
        if (fields.length - 1 < COLUMNS) {
            throw text.error(
                    number,
                    "it has " + (fields.length - 1) + " columns where the kernel writes at least " + COLUMNS
                            + " (user to steal)");
        }
        return fields;
    }

    private static CpuTimes times(ProcText text, int number, String[] fields) {
        long[] v = new long[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) {
            v[i] = text.count(number, fields, i + 1);
        }
        // Guest and guest_nice, where present, must still be numbers: a letter there is a damaged file.
        for (int i = COLUMNS + 1; i < fields.length; i++) {
            text.count(number, fields, i);
        }
        return new CpuTimes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }
}
