package io.schedcp.bpf.custom;

import java.util.List;
import java.util.Optional;

/**
 * What {@link CustomSchedulers#create} did with a source.
 *
 * @param scheduler the stored scheduler, when the source passed the checks and compiled
 * @param problems  what the source check found (warnings too when it passed)
 * @param compile   clang's result, when the source got as far as compiling
 */
public record CreateOutcome(
        Optional<CustomScheduler> scheduler,
        List<SourceProblem> problems,
        Optional<CompileResult> compile,
        String fileLabel) {

    public CreateOutcome {
        problems = List.copyOf(problems);
    }

    public boolean created() {
        return scheduler.isPresent();
    }

    /** The lines that explain a rejection: the check's errors, or clang's errors as it wrote them. */
    public List<String> errorLines() {
        List<SourceProblem> errors =
                problems.stream().filter(SourceProblem::error).toList();
        if (!errors.isEmpty()) {
            return errors.stream().map(p -> p.format(fileLabel)).toList();
        }
        return compile.filter(c -> !c.succeeded()).map(CompileResult::output).orElse(List.of());
    }
}
