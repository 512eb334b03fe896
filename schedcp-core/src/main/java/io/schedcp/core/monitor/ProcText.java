package io.schedcp.core.monitor;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text of one kernel file split into lines, and the errors that name the file and the line. The kernel
 * ends every line of these files with a newline, so text that does not was cut short: it is refused rather
 * than read as a smaller number.
 */
final class ProcText {

    private static final int QUOTED = 80;

    private final Path file;
    private final List<String> lines;

    private ProcText(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Splits {@code text}, read from {@code file}; refuses text cut inside a line or empty text. */
    static ProcText of(Path file, String text) {
        List<String> lines = splitLines(text);
        if (lines.isEmpty()) {
            throw new SchedcpException(
                    Kind.IO,
                    file + " is empty; the kernel always writes it, so it was cut "
                            + "short or is not the kernel's file" + hint());
        }
        ProcText parsed = new ProcText(file, lines);
        if (!text.endsWith("\n")) {
            throw parsed.error(lines.size(), "the file ends inside this line, so it was cut short");
        }
        return parsed;
    }

    /** Reads a file that every Linux kernel has. */
    static ProcText read(Path file) {
        return readIfPresent(file)
                .orElseThrow(() -> new SchedcpException(
                        Kind.IO,
                        file + " does not exist; every "
                                + "Linux kernel has it, so the proc directory is wrong or not mounted" + hint()));
    }

    /** Reads a file that some kernels lack (a config option or a boot flag removes it). */
    static Optional<ProcText> readIfPresent(Path file) {
        // java.io rather than Files.readString: about a third of the CPU time per read (measured on /proc), which
        // counts at ten readings a second.
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return Optional.of(of(file, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            throw new SchedcpException(Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    List<String> lines() {
        return lines;
    }

    /** Line {@code number}, counted from 1. */
    String line(int number) {
        return lines.get(number - 1);
    }

    /** An error about line {@code number} (from 1): the file, the line, what is wrong with it. */
    SchedcpException error(int number, String problem) {
        String line = line(number).strip();
        String quoted = line.length() <= QUOTED ? line : line.substring(0, QUOTED) + "...";
        return new SchedcpException(Kind.IO, file + " line " + number + " ('" + quoted + "'): " + problem + hint());
    }

    /** An error about the file as a whole. */
    SchedcpException error(String problem) {
        return new SchedcpException(Kind.IO, file + ": " + problem + hint());
    }

    /** The field at {@code index} of line {@code number}, as a count the kernel never writes negative. */
    long count(int number, String[] fields, int index) {
        try {
            long value = Long.parseLong(fields[index]);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the line.
        }
        throw error(number, "'" + fields[index] + "' where a count belongs");
    }

    /** The N of a {@code cpuN} name on line {@code number}. */
    int cpuNumber(int number, String name) {
        if (name.startsWith("cpu")) {
            try {
                int cpu = Integer.parseInt(name.substring("cpu".length()));
                if (cpu >= 0) {
                    return cpu;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        throw error(number, "'" + name + "' is not a CPU name like cpu0");
    }

    /**
     * The whitespace-separated fields of {@code line}. Written out because {@code split("\\s+")} compiles its
     * pattern on every call, and this runs for every line of every reading.
     */
    static String[] fields(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                fields.add(line.substring(start, i));
            }
        }
        return fields.toArray(new String[0]);
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    private static String hint() {
        return "; if SCHEDCP_PROC_DIR is set, check that it names a copy of /proc";
    }
}
