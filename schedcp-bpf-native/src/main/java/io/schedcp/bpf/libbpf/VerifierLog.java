package io.schedcp.bpf.libbpf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel verifier's log for one program that failed to load, as libbpf printed it between
 * {@code -- BEGIN PROG LOAD LOG --} and {@code -- END PROG LOAD LOG --}. The verifier traces every
 * instruction it walks; {@link #essentials()} keeps what a person needs: the last instructions before the
 * error, the source line they came from, and the error itself.
 *
 * @param program the program's name
 * @param lines   the whole log, one entry per line, blank lines dropped
 */
public record VerifierLog(String program, List<String> lines) {

    private static final String BEGIN = "-- BEGIN PROG LOAD LOG --";
    private static final String END = "-- END PROG LOAD LOG --";
    private static final Pattern BLOCK = Pattern.compile(
            "prog '([^']*)': " + Pattern.quote(BEGIN) + "\\n(.*?)" + Pattern.quote(END), Pattern.DOTALL);

    /** {@code 7: (61) r0 = *(u32 *)(r0 +64)}: an instruction the verifier walked. */
    private static final Pattern INSTRUCTION = Pattern.compile("^\\d+: \\([0-9a-f]{2}\\) .*");
    /** {@code 0: R1=ctx() R10=fp0}, {@code from 4 to 6: ...}: register state between instructions. */
    private static final Pattern STATE = Pattern.compile("^(\\d+|from \\d+ to \\d+): (R\\d|frame|fp|safe).*");
    /** {@code ; return value[16]; @ prog.bpf.c:22}: the source line of the instructions that follow. */
    private static final Pattern SOURCE = Pattern.compile("^; .*");
    /** The summary the verifier ends with, after the error. */
    private static final Pattern STATISTICS =
            Pattern.compile("^(processed \\d+ insns|verification time|stack depth|Func#\\d+).*");

    private static final int INSTRUCTIONS_KEPT = 3;
    private static final int SOURCE_SEARCH_LINES = 64;
    private static final int LINE_LIMIT = 240;
    private static final int FALLBACK_LINES = 5;

    public VerifierLog {
        lines = List.copyOf(lines);
    }

    /** The verifier logs in libbpf's messages, one per program that failed. */
    public static List<VerifierLog> extract(List<String> messages) {
        List<VerifierLog> logs = new ArrayList<>();
        for (String message : messages) {
            Matcher block = BLOCK.matcher(message);
            while (block.find()) {
                List<String> lines = Arrays.stream(block.group(2).split("\n"))
                        .filter(line -> !line.isBlank())
                        .toList();
                logs.add(new VerifierLog(block.group(1), lines));
            }
        }
        return logs;
    }

    static boolean containsProgramLog(String message) {
        return message.contains(BEGIN);
    }

    /** The whole log as the verifier wrote it. */
    public String text() {
        return String.join("\n", lines);
    }

    /**
     * The lines that say why the program was rejected: up to three instructions before the error with
     * their source line, then the error. A log without an instruction trace yields its last lines.
     */
    public List<String> essentials() {
        int end = end();
        int lastTrace = lastTrace(end);
        if (lastTrace < 0 || lastTrace == end - 1) {
            return shortened(lines.subList(Math.max(0, end - FALLBACK_LINES), end));
        }
        Deque<String> kept = new ArrayDeque<>(lines.subList(lastTrace + 1, end));
        int instructions = 0;
        // Walk back over the trace: keep the last instructions, and the source lines up to and including
        // the one the earliest kept instruction belongs to (which may lie a few instructions further back).
        for (int i = lastTrace; i >= 0 && lastTrace - i < SOURCE_SEARCH_LINES; i--) {
            String line = lines.get(i);
            if (INSTRUCTION.matcher(line).matches() && instructions < INSTRUCTIONS_KEPT) {
                instructions++;
                kept.addFirst(line);
            } else if (SOURCE.matcher(line).matches()) {
                kept.addFirst(line);
                if (instructions == INSTRUCTIONS_KEPT) {
                    break;
                }
            }
        }
        return shortened(List.copyOf(kept));
    }

    /**
     * The verifier's own error message: the first line after its instruction trace, such as
     * {@code R0 invalid mem access 'map_value_or_null'}; newer kernels explain it in the lines after. A log
     * without a trace yields its last line.
     */
    public String error() {
        int end = end();
        int lastTrace = lastTrace(end);
        if (end == 0) {
            return "";
        }
        return lines.get(lastTrace >= 0 && lastTrace < end - 1 ? lastTrace + 1 : end - 1)
                .strip();
    }

    /** The index after the last line that is not the closing statistics. */
    private int end() {
        int end = lines.size();
        while (end > 0 && STATISTICS.matcher(lines.get(end - 1)).matches()) {
            end--;
        }
        return end;
    }

    /** The index of the last line of the instruction trace before {@code end}, or -1. */
    private int lastTrace(int end) {
        int lastTrace = end - 1;
        while (lastTrace >= 0 && !isTrace(lines.get(lastTrace))) {
            lastTrace--;
        }
        return lastTrace;
    }

    private static boolean isTrace(String line) {
        return INSTRUCTION.matcher(line).matches()
                || STATE.matcher(line).matches()
                || SOURCE.matcher(line).matches();
    }

    private static List<String> shortened(List<String> lines) {
        return lines.stream()
                .map(line -> line.length() <= LINE_LIMIT ? line : line.substring(0, LINE_LIMIT) + " ...")
                .toList();
    }
}
