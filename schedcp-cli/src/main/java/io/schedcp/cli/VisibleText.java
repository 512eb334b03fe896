package io.schedcp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text for a terminal with its control characters made visible, so that a workload's name, a plugin's
 * descriptor or a scheduler's output cannot move the cursor, clear the screen or retitle the window: ESC is
 * shown as {@code \e}, the other C0 controls, DEL and the C1 controls as {@code \xNN}. Newlines and tabs stay.
 * Every text printer of the CLI writes through {@link #printer}; JSON, which escapes for itself, does not.
 */
final class VisibleText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private VisibleText() {}

    /** {@code text} with each control character other than a newline or a tab spelled out. */
    static String of(CharSequence text) {
        return spelled(text, true);
    }

    /** {@code text} on one line, as in a table cell: newlines and tabs are spelled out too. */
    static String line(CharSequence text) {
        return spelled(text, false);
    }

    private static String spelled(CharSequence text, boolean keepLayout) {
        StringBuilder visible = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c) || (keepLayout && (c == '\n' || c == '\t'))) {
                if (visible != null) {
                    visible.append(c);
                }
                continue;
            }
            if (visible == null) {
                visible = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (c == '\u001b') {
                visible.append("\\e");
            } else {
                visible.append("\\x").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        return visible == null ? text.toString() : visible.toString();
    }

    /** A printer that writes to {@code target} with control characters made visible. */
    static PrintWriter printer(Writer target) {
        return new PrintWriter(new Filter(target), true);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    /** Passes every write through {@link #of} at once; it keeps nothing back. */
    private static final class Filter extends Writer {

        private final Writer target;

        Filter(Writer target) {
            super(target);
            this.target = target;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            target.write(of(java.nio.CharBuffer.wrap(chars, offset, length)));
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            target.write(of(text.subSequence(offset, offset + length)));
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }
}
