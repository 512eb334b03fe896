package io.schedcp.bpf.custom;

/**
 * Something wrong with a custom scheduler's source, found before compiling it.
 *
 * @param line    the 1-based line it is about, or 0 for the whole file
 * @param message what is wrong and how to fix it
 * @param error   whether it stops the source from being accepted (else a warning)
 */
public record SourceProblem(int line, String message, boolean error) {

    /** {@code file:line: error: message}, the way compilers write it. */
    public String format(String file) {
        return file + (line > 0 ? ":" + line : "") + ": " + (error ? "error" : "warning") + ": " + message;
    }
}
