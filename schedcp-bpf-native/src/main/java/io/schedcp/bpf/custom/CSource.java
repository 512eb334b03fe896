package io.schedcp.bpf.custom;

import java.util.regex.Pattern;

/** Just enough of C's lexical rules to check a source by pattern: comments, brackets, line numbers. */
final class CSource {

    private CSource() {}

    /** {@code source} with every comment blanked out; strings, lengths and line breaks are kept. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            char next = i + 1 < source.length() ? source.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (; i < end; i++) {
                    out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                int end = Math.min(endOfLiteral(source, i) + 1, source.length());
                out.append(source, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The index of the bracket that closes the one opened just before {@code from}, or the end of the code. */
    static int closing(String code, int from, char open, char close) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
            } else if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The index of the quote that closes the string or character literal opened at {@code start}. */
    private static int endOfLiteral(String code, int start) {
        char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    static int lineOf(String code, int index) {
        int line = 1;
        for (int i = 0; i < index && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Whether {@code code} defines the struct_ops callback {@code name} in one of the ways scx code does. */
    static boolean definesCallback(String code, String name) {
        String quoted = Pattern.quote(name);
        return Pattern.compile("(?:BPF_STRUCT_OPS(?:_SLEEPABLE)?|BPF_PROG)\\s*\\(\\s*" + quoted + "\\s*[,)]")
                        .matcher(code)
                        .find()
                || Pattern.compile("SEC\\s*\\(\\s*\"struct_ops[^\"]*\"\\s*\\)[^;{]*\\b" + quoted + "\\s*\\(")
                        .matcher(code)
                        .find();
    }
}
