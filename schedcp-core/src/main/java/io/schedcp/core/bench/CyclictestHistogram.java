package io.schedcp.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency percentiles from cyclictest's {@code --histogram} output: rows {@code <latency_us> <count per thread>...}
 * between {@code # Histogram} and {@code # Total:}, all threads merged. Samples past the histogram's range
 * (its overflows) count as beyond the last bucket, so a percentile that falls among them is not reported.
 */
final class CyclictestHistogram {

    static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private CyclictestHistogram() {}

    static Map<String, Double> percentiles(List<String> lines) {
        int start = lines.indexOf("# Histogram");
        if (start < 0) {
            return Map.of();
        }
        List<long[]> rows = new ArrayList<>();
        long overflows = 0;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("# Histogram Overflows:")) {
                overflows = sum(line.substring("# Histogram Overflows:".length()));
            } else if (!line.startsWith("#")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 2 && fields[0].matches("\\d+")) {
                    long count = 0;
                    for (int i = 1; i < fields.length; i++) {
                        count += Long.parseLong(fields[i]);
                    }
                    rows.add(new long[] {Long.parseLong(fields[0]), count});
                }
            }
        }
        long total = rows.stream().mapToLong(r -> r[1]).sum() + overflows;
        Map<String, Double> result = new LinkedHashMap<>();
        if (total == 0) {
            return result;
        }
        for (double p : PERCENTILES) {
            long wanted = (long) Math.ceil(total * p / 100.0);
            long seen = 0;
            for (long[] row : rows) {
                seen += row[1];
                if (seen >= wanted) {
                    result.put("cyclictest_p" + format(p) + "_us", (double) row[0]);
                    break;
                }
            }
        }
        return result;
    }

    private static long sum(String numbers) {
        long sum = 0;
        for (String n : numbers.trim().split("\\s+")) {
            if (n.matches("\\d+")) {
                sum += Long.parseLong(n);
            }
        }
        return sum;
    }

    private static String format(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p).replace('.', '_');
    }
}
