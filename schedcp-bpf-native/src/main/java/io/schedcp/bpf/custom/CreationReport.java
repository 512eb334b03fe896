package io.schedcp.bpf.custom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of a new custom scheduler's source, and of its verification when one ran: the one result of
 * create and of create-then-verify, written as it is by the CLI's {@code --json} and the MCP server's
 * {@code create_and_verify_scheduler}. Each front end says it in its own words for people.
 *
 * @param name           the name asked for
 * @param created        whether the source passed the checks and compiled, and is stored as {@code custom:NAME}
 * @param verified       whether it also passed verification, and so can run
 * @param qualifiedName  {@code custom:NAME}, once created
 * @param opsName        the name the kernel reports while it runs, once created
 * @param directory      where it is stored, once created
 * @param sourceFile     the file name the problems and clang's messages use, such as {@code fifo.bpf.c}
 * @param compileMs      how long clang took, when the source got as far as compiling
 * @param problems       what the source check found (warnings too when it passed)
 * @param diagnostics    clang's messages, parsed
 * @param compilerOutput clang's output as it wrote it, when it failed
 * @param verification   the verification's result, when one ran
 */
public record CreationReport(
        String name,
        boolean created,
        boolean verified,
        Optional<String> qualifiedName,
        Optional<String> opsName,
        Optional<String> directory,
        String sourceFile,
        Optional<Long> compileMs,
        List<SourceProblem> problems,
        List<CompilerDiagnostic> diagnostics,
        List<String> compilerOutput,
        Optional<VerificationResult> verification) {

    public CreationReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceFile, "sourceFile");
        problems = List.copyOf(problems);
        diagnostics = List.copyOf(diagnostics);
        compilerOutput = List.copyOf(compilerOutput);
        if (verified && verification.filter(VerificationResult::passed).isEmpty()) {
            throw new IllegalArgumentException("only a passed verification makes " + name + " verified");
        }
    }

    /** The report of a create, before any verification. */
    public static CreationReport of(String name, CreateOutcome outcome) {
        Optional<CompileResult> compile = outcome.compile();
        Optional<CustomScheduler> scheduler = outcome.scheduler();
        return new CreationReport(
                name,
                outcome.created(),
                false,
                scheduler.map(s -> CustomName.qualified(name)),
                scheduler.map(s -> s.meta().opsName()),
                scheduler.map(s -> s.directory().toString()),
                outcome.fileLabel(),
                compile.map(c -> c.duration().toMillis()),
                outcome.problems(),
                compile.map(CompileResult::diagnostics).orElse(List.of()),
                compile.filter(c -> !c.succeeded()).map(CompileResult::output).orElse(List.of()),
                Optional.empty());
    }

    /** This report with the verification that followed the create. */
    public CreationReport verifiedAs(VerificationResult result) {
        return new CreationReport(
                name,
                created,
                result.passed(),
                qualifiedName,
                opsName,
                directory,
                sourceFile,
                compileMs,
                problems,
                diagnostics,
                compilerOutput,
                Optional.of(result));
    }

    /** Whether the source got as far as clang (else the source check stopped it). */
    public boolean compiled() {
        return compileMs.isPresent();
    }

    /** How many of clang's messages are errors. */
    public long compilerErrors() {
        return diagnostics.stream().filter(CompilerDiagnostic::isError).count();
    }

    /** The lines that explain a rejection: the check's errors, or clang's errors as it wrote them. */
    public List<String> errorLines() {
        List<String> errors = problems.stream()
                .filter(SourceProblem::error)
                .map(p -> p.format(sourceFile))
                .toList();
        return errors.isEmpty() ? compilerOutput : errors;
    }

    /** The source check's warnings, as {@code file:line: warning: ...} lines. */
    public List<String> warningLines() {
        return problems.stream()
                .filter(p -> !p.error())
                .map(p -> p.format(sourceFile))
                .toList();
    }
}
