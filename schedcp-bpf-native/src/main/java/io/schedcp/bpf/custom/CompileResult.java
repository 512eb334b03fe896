package io.schedcp.bpf.custom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What clang made of a scheduler's source.
 *
 * @param object      the BPF object, when it compiled
 * @param diagnostics clang's messages, parsed
 * @param output      clang's output as it wrote it, with source excerpts and carets
 * @param duration    how long clang ran
 */
public record CompileResult(
        Optional<Path> object, List<CompilerDiagnostic> diagnostics, List<String> output, Duration duration) {

    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
        output = List.copyOf(output);
    }

    public boolean succeeded() {
        return object.isPresent();
    }

    public List<CompilerDiagnostic> errors() {
        return diagnostics.stream().filter(CompilerDiagnostic::isError).toList();
    }
}
