package io.schedcp.core.manager;

import java.util.List;

/** A program's last output lines as the tail of an error or report message. */
final class OutputBlock {

    private static final int LINES = 20;

    private OutputBlock() {}

    static String of(List<String> output) {
        if (output.isEmpty()) {
            return "; it printed nothing";
        }
        List<String> tail = output.subList(Math.max(0, output.size() - LINES), output.size());
        return "; its last output:\n  " + String.join("\n  ", tail);
    }
}
