package io.schedcp.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table: left-aligned columns, two spaces apart, the last column unpadded. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        add(header);
    }

    /** Adds a row; a cell's control characters, newlines included, are spelled out so the columns hold. */
    void add(String... row) {
        rows.add(Arrays.stream(row).map(VisibleText::line).toArray(String[]::new));
    }

    String render() {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                text.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The first sentence of {@code text}, cut to {@code max} characters. */
    static String summary(String text, int max) {
        int end = text.indexOf(". ");
        String sentence = end < 0 ? text : text.substring(0, end + 1);
        return sentence.length() <= max ? sentence : sentence.substring(0, max - 3) + "...";
    }
}
