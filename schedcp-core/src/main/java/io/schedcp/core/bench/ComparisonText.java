package io.schedcp.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A comparison as a plain-text table: each metric's mean and its ratio to the baseline, per scheduler. */
public final class ComparisonText {

    private ComparisonText() {}

    public static String render(Comparison comparison) {
        List<String> header = new ArrayList<>(List.of("SCHEDULER", "RUNS"));
        comparison.metrics().forEach(m -> header.add(m + " (" + arrow(m) + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.Row row : comparison.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.scheduler(), row.succeeded() + "/" + row.runs()));
            for (String metric : comparison.metrics()) {
                Double mean = row.means().get(metric);
                Double ratio = row.ratios().get(metric);
                cells.add(
                        mean == null
                                ? "-"
                                : number(mean) + (ratio == null ? "" : String.format(Locale.ROOT, " (%.2fx)", ratio)));
            }
            rows.add(cells);
        }
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> cells : rows) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, header, widths);
        rows.forEach(cells -> line(text, cells, widths));
        text.append("ratios are to ")
                .append(comparison.baseline())
                .append("; lower is better where the arrow " + "points down, higher where it points up\n");
        for (Comparison.Row row : comparison.rows()) {
            row.failures()
                    .forEach(f -> text.append(row.scheduler())
                            .append(" failed a run: ")
                            .append(f)
                            .append('\n'));
        }
        return text.toString();
    }

    static String arrow(String metric) {
        return MetricDirection.of(metric) == MetricDirection.HIGHER_IS_BETTER ? "↑" : "↓";
    }

    static String number(double value) {
        if (value != 0 && Math.abs(value) < 10) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            text.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        text.append('\n');
    }
}
