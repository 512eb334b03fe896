package io.schedcp.core.bench;

import java.util.Locale;

/**
 * A comparison as an SVG bar chart: for each metric a group of bars, one per scheduler, whose length is how
 * many times better than the baseline it did (1.0 is the baseline, marked by a line). Self-contained SVG 1.1.
 */
public final class ComparisonChart {

    static final int WIDTH = 760;
    static final int LABEL_WIDTH = 170;
    static final int BAR_HEIGHT = 18;
    static final int GAP = 6;
    static final int TITLE_HEIGHT = 26;
    private static final String[] COLOURS = {
        "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7"
    };

    private ComparisonChart() {}

    public static String svg(Comparison comparison, String title) {
        int schedulers = comparison.rows().size();
        int groupHeight = TITLE_HEIGHT + schedulers * (BAR_HEIGHT + GAP) + GAP;
        int height = 40 + comparison.metrics().size() * groupHeight + 20;
        double max = comparison.rows().stream()
                .flatMap(r -> r.advantages().values().stream())
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(1.0);
        double scale = (WIDTH - LABEL_WIDTH - 80) / Math.max(max, 1.0);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                height,
                WIDTH,
                height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s" + "</text>%n",
                escape(title + " (times better than " + comparison.baseline() + ")")));
        int y = 40;
        for (String metric : comparison.metrics()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s %s</text>%n",
                    y + 16,
                    escape(metric),
                    ComparisonText.arrow(metric)));
            int barY = y + TITLE_HEIGHT;
            for (int i = 0; i < schedulers; i++) {
                Comparison.Row row = comparison.rows().get(i);
                Double advantage = row.advantages().get(metric);
                svg.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                        LABEL_WIDTH - 8,
                        barY + BAR_HEIGHT - 5,
                        escape(row.scheduler())));
                if (advantage != null) {
                    int length = (int) Math.max(1, Math.round(advantage * scale));
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" " + "fill=\"%s\"/>%n",
                            LABEL_WIDTH,
                            barY,
                            length,
                            BAR_HEIGHT,
                            COLOURS[i % COLOURS.length]));
                    svg.append(String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\">%.2fx (%s)</text>%n",
                            LABEL_WIDTH + length + 6,
                            barY + BAR_HEIGHT - 5,
                            advantage,
                            escape(ComparisonText.number(row.means().get(metric)))));
                } else {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" fill=\"#999\">no result</text>%n",
                            LABEL_WIDTH + 6,
                            barY + BAR_HEIGHT - 5));
                }
                barY += BAR_HEIGHT + GAP;
            }
            int baselineX = LABEL_WIDTH + (int) Math.round(scale);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\" " + "stroke-dasharray=\"4 3\"/>%n",
                    baselineX,
                    y + TITLE_HEIGHT - 3,
                    baselineX,
                    barY));
            y += groupHeight;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
