package io.schedcp.core.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metrics read from the output of the benchmarks schedcp knows: hackbench's time, cyclictest's latencies
 * (and percentiles from its histogram), stress-ng's bogo-ops, schbench's percentiles, and the wall time that
 * {@code /usr/bin/time} or a shell's {@code time} prints. Unknown output gives no metrics, never wrong ones.
 */
public final class OutputMetrics {

    private static final Pattern HACKBENCH = Pattern.compile("^Time:\\s+([0-9.]+)\\s*$");
    private static final Pattern CYCLIC_THREAD = Pattern.compile(
            "^T:\\s*\\d+\\s+\\(\\s*\\d+\\).*Min:\\s+(\\d+)\\s+Act:\\s+\\d+\\s+Avg:\\s+(\\d+)\\s+Max:\\s+(\\d+)");
    private static final Pattern STRESS_NG = Pattern.compile(
            "^stress-ng: (?:info|metrc):\\s+\\[\\d+\\]\\s+([a-z][\\w-]*)\\s+(\\d+)\\s+([0-9.]+)\\s+[0-9.]+\\s+[0-9.]+"
                    + "\\s+([0-9.]+)");
    private static final Pattern SCHBENCH_HEADER = Pattern.compile("^(Wakeup|Request) Latencies percentiles.*");
    private static final Pattern SCHBENCH_LINE = Pattern.compile("^\\s*\\*?\\s*(\\d+(?:\\.\\d+)?)th:\\s+(\\d+)");
    private static final Pattern SCHBENCH_RPS = Pattern.compile("^average rps:\\s+([0-9.]+)");
    private static final Pattern GNU_TIME = Pattern.compile(
            "^\\s*Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\):\\s+(?:(\\d+):)?(\\d+):([0-9.]+)");
    private static final Pattern POSIX_TIME = Pattern.compile("^real\\s+([0-9.]+)\\s*$");
    private static final Pattern SHELL_TIME = Pattern.compile("^real\\s+(\\d+)m([0-9.]+)s\\s*$");

    private OutputMetrics() {}

    /** Every metric found in {@code lines}, by name; names say their unit ({@code _s}, {@code _us}). */
    public static Map<String, Double> parse(List<String> lines) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        hackbench(lines, metrics);
        cyclictest(lines, metrics);
        CyclictestHistogram.percentiles(lines).forEach(metrics::put);
        stressNg(lines, metrics);
        schbench(lines, metrics);
        wallTime(lines, metrics);
        return metrics;
    }

    private static void hackbench(List<String> lines, Map<String, Double> metrics) {
        for (String line : lines) {
            Matcher m = HACKBENCH.matcher(line);
            if (m.matches()) {
                metrics.put("hackbench_time_s", Double.parseDouble(m.group(1)));
            }
        }
    }

    private static void cyclictest(List<String> lines, Map<String, Double> metrics) {
        double min = Double.MAX_VALUE;
        double max = 0;
        double avgSum = 0;
        int threads = 0;
        for (String line : lines) {
            Matcher m = CYCLIC_THREAD.matcher(line);
            if (m.find()) {
                min = Math.min(min, Double.parseDouble(m.group(1)));
                avgSum += Double.parseDouble(m.group(2));
                max = Math.max(max, Double.parseDouble(m.group(3)));
                threads++;
            }
        }
        if (threads > 0) {
            metrics.put("cyclictest_min_us", min);
            metrics.put("cyclictest_avg_us", avgSum / threads);
            metrics.put("cyclictest_max_us", max);
        }
    }

    private static void stressNg(List<String> lines, Map<String, Double> metrics) {
        for (String line : lines) {
            Matcher m = STRESS_NG.matcher(line);
            if (m.find() && !m.group(1).equals("stressor")) {
                String stressor = m.group(1).replace('-', '_');
                metrics.put("stressng_" + stressor + "_bogo_ops", Double.parseDouble(m.group(2)));
                metrics.put("stressng_" + stressor + "_bogo_ops_per_s", Double.parseDouble(m.group(4)));
            }
        }
    }

    private static void schbench(List<String> lines, Map<String, Double> metrics) {
        String section = null;
        for (String line : lines) {
            Matcher header = SCHBENCH_HEADER.matcher(line);
            if (header.matches()) {
                section = header.group(1).toLowerCase(Locale.ROOT);
                continue;
            }
            Matcher rps = SCHBENCH_RPS.matcher(line);
            if (rps.find()) {
                metrics.put("schbench_average_rps", Double.parseDouble(rps.group(1)));
                continue;
            }
            Matcher percentile = SCHBENCH_LINE.matcher(line);
            if (section != null && percentile.find()) {
                String p = percentile.group(1).replaceAll("\\.0$", "").replace('.', '_');
                metrics.put("schbench_" + section + "_p" + p + "_us", Double.parseDouble(percentile.group(2)));
            } else if (!line.startsWith("\t") && !line.startsWith(" ")) {
                section = null;
            }
        }
    }

    private static void wallTime(List<String> lines, Map<String, Double> metrics) {
        for (String line : lines) {
            Matcher gnu = GNU_TIME.matcher(line);
            Matcher posix = POSIX_TIME.matcher(line);
            Matcher shell = SHELL_TIME.matcher(line);
            if (gnu.find()) {
                double hours = gnu.group(1) == null ? 0 : Double.parseDouble(gnu.group(1));
                metrics.put(
                        "time_wall_s",
                        hours * 3600 + Double.parseDouble(gnu.group(2)) * 60 + Double.parseDouble(gnu.group(3)));
            } else if (posix.matches()) {
                metrics.put("time_wall_s", Double.parseDouble(posix.group(1)));
            } else if (shell.matches()) {
                metrics.put(
                        "time_wall_s", Double.parseDouble(shell.group(1)) * 60 + Double.parseDouble(shell.group(2)));
            }
        }
    }
}
