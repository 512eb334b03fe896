package io.schedcp.core.monitor;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.monitor.SchedStat.CpuCounters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code /proc/schedstat} by the layout of Documentation/scheduler/sched-stats.rst. Versions 15, 16 and
 * 17 share the {@code cpuN} line: nine fields after the name, of which 7 is the time spent running by tasks on
 * the CPU, 8 the time spent waiting to run (both in nanoseconds) and 9 the timeslices run. They differ in the
 * {@code domainN} lines (16 reordered the idle types, 17 added the domain's name and imbalance fields), which
 * the monitor does not read. Another version may have moved the fields, so it is refused, not guessed at.
 * (Older copies of sched-stats.rst say jiffies for fields 7 and 8; the kernels that write these versions count
 * nanoseconds, as the current document says.)
 */
public final class SchedStatParser {

    /** The versions whose {@code cpuN} line this parser knows. */
    public static final Set<Integer> VERSIONS = Set.of(15, 16, 17);

    private static final int CPU_FIELDS = 9;
    private static final int RUNNING = 7;
    private static final int WAITING = 8;
    private static final int TIMESLICES = 9;

    private SchedStatParser() {}

    /** Reads {@code schedstat} under {@code procRoot}; empty when the kernel was built without schedstats. */
    public static Optional<SchedStat> read(Path procRoot) {
        return ProcText.readIfPresent(procRoot.resolve("schedstat")).map(SchedStatParser::parse);
    }

    /** Parses {@code text} as the content of {@code file}, which errors name. */
    public static SchedStat parse(Path file, String text) {
        return parse(ProcText.of(file, text));
    }

    private static SchedStat parse(ProcText text) {
        int version = version(text);
        if (text.lines().size() < 2) {
            throw text.error("it ends after the version line, so it was cut short");
        }
        String[] stamp = ProcText.fields(text.line(2));
        if (stamp.length != 2 || !stamp[0].equals("timestamp")) {
            throw text.error(2, "the second line is 'timestamp JIFFIES'");
        }
        long timestamp = text.count(2, stamp, 1);
        Map<Integer, CpuCounters> cpus = new LinkedHashMap<>();
        for (int number = 3; number <= text.lines().size(); number++) {
            String[] fields = ProcText.fields(text.line(number));
            if (fields.length > 0 && fields[0].startsWith("domain")) {
                continue;
            }
            if (fields.length == 0 || !fields[0].startsWith("cpu")) {
                throw text.error(number, "a line after the timestamp is a 'cpuN' or a 'domainN' line");
            }
            if (fields.length - 1 != CPU_FIELDS) {
                throw text.error(
                        number,
                        "a cpu line of version " + version + " has " + CPU_FIELDS
                                + " fields after the name, and this one has " + (fields.length - 1));
            }
            int cpu = text.cpuNumber(number, fields[0]);
            for (int i = 1; i <= CPU_FIELDS; i++) {
                text.count(number, fields, i);
            }
            CpuCounters counters = new CpuCounters(
                    text.count(number, fields, RUNNING),
                    text.count(number, fields, WAITING),
                    text.count(number, fields, TIMESLICES));
            if (cpus.put(cpu, counters) != null) {
                throw text.error(number, "cpu" + cpu + " appears twice");
            }
        }
        if (cpus.isEmpty()) {
            throw text.error("it has no 'cpuN' line, so it was cut short or is not the kernel's file");
        }
        return new SchedStat(version, timestamp, cpus);
    }

    private static int version(ProcText text) {
        String[] fields = ProcText.fields(text.line(1));
        if (fields.length != 2 || !fields[0].equals("version")) {
            throw text.error(1, "the first line is 'version N'");
        }
        int version = (int) Math.min(Integer.MAX_VALUE, text.count(1, fields, 1));
        if (!VERSIONS.contains(version)) {
            throw new SchedcpException(
                    Kind.UNAVAILABLE,
                    text.file() + " is schedstat version " + version
                            + ", and schedcp reads versions 15, 16 and 17 only: the fields may have moved, so the "
                            + "monitor does not guess; it needs a schedcp that knows version " + version);
        }
        return version;
    }
}
