package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.number;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.ErrorDetail.CustomNotRunnable;
import io.schedcp.api.SchedcpException;
import io.schedcp.bpf.custom.CompileResult;
import io.schedcp.bpf.custom.CompilerDiagnostic;
import io.schedcp.bpf.custom.CreateOutcome;
import io.schedcp.bpf.custom.CustomProvider;
import io.schedcp.bpf.custom.CustomSchedulers;
import io.schedcp.bpf.custom.CustomVerifier;
import io.schedcp.bpf.custom.DescriptorFields;
import io.schedcp.bpf.custom.SourceProblem;
import io.schedcp.bpf.custom.VerificationResult;
import io.schedcp.bpf.custom.VerifyWhere;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolAdvice;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolContext;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code create_and_verify_scheduler}: checks and compiles BPF C source into a custom scheduler, then runs it
 * in a real sched_ext kernel (the host's, else the lab's) under a workload.
 */
final class CreateAndVerifySchedulerTool implements McpTool {

    private static final JsonSchema INPUT = object("The scheduler's name, source and what it is.")
            .required("name", string("A new lower-case identifier, such as my_fifo; it becomes custom:NAME."))
            .required("source_code", string("The whole BPF C source in the scx style: #include "
                    + "<scx/common.bpf.h>, a GPL license, the callbacks, and SCX_OPS_DEFINE(..., .name = \"...\")."))
            .optional("description", string("What the scheduler does."))
            .optional("algorithm", string("How it decides which task runs where and for how long."))
            .optional("use_cases", arrayOf(string(""), "Workloads it suits."))
            .optional("characteristics", string("Its notable traits."))
            .optional("limitations", string("What it does badly or not at all."))
            .optional("performance_profile", string("What to expect of latency, throughput and overhead."))
            .closed();

    private static final JsonSchema PROBLEM = object("A problem the source check found.")
            .required("line", integer("The 1-based line, or 0 for the whole file."))
            .required("message", string("What is wrong and how to fix it."))
            .required("error", bool("Whether it stops the source (else a warning)."));

    private static final JsonSchema DIAGNOSTIC = object("One message of clang.")
            .required("file", string("The file, NAME.bpf.c."))
            .required("line", integer("The line."))
            .required("column", integer("The column."))
            .required("severity", string("error, fatal error, warning or note."))
            .required("message", string("clang's message."));

    private static final JsonSchema VERIFICATION = object("How the scheduler did in a real sched_ext kernel.")
            .required("passed", bool("Whether it loaded, stayed enabled the whole time with the workload "
                    + "running, and detached cleanly."))
            .required("where", string("host or lab."))
            .required("stage", string("Where it failed: compile, load, attach, enable, run, workload or detach; "
                    + "none when it passed."))
            .required("reason", string("Why it failed, one sentence; empty when it passed."))
            .required("details", arrayOf(string(""), "The lines behind the reason: the BPF verifier's "
                    + "essentials, the kernel's exit message."))
            .required("seconds_ran", number("How long the kernel had it enabled."));

    private static final JsonSchema OUTPUT = object("What became of the source.")
            .required("name", string("The name asked for."))
            .required("created", bool("Whether it passed the checks and compiled, and is stored as custom:NAME."))
            .required("verified", bool("Whether it also passed verification and can now run with run_scheduler."))
            .required("problems", arrayOf(PROBLEM, "What the source check found (warnings too when it passed)."))
            .required("diagnostics", arrayOf(DIAGNOSTIC, "clang's messages, parsed."))
            .required("compiler_output", arrayOf(string(""), "clang's output as it wrote it, when it failed."))
            .optional("compile_ms", integer("How long clang took."))
            .optional("qualified_name", string("custom:NAME, once created."))
            .optional("verification", VERIFICATION);

    /** The result. */
    record Outcome(String name, boolean created, boolean verified, List<SourceProblem> problems,
            List<CompilerDiagnostic> diagnostics, List<String> compilerOutput, Optional<Long> compileMs,
            Optional<String> qualifiedName, Optional<VerificationResult> verification) {
    }

    private final CustomSchedulers schedulers;
    private final CustomVerifier verifier;
    private final Runnable catalogChanged;

    CreateAndVerifySchedulerTool(ToolContext context) {
        this.schedulers = context.customSchedulers();
        this.verifier = context.customVerifier();
        this.catalogChanged = context.catalogChanged();
    }

    @Override
    public String name() {
        return "create_and_verify_scheduler";
    }

    @Override
    public String description() {
        return "Create a custom sched_ext scheduler from BPF C source and verify it. The source is checked (a "
                + "sched_ext_ops struct_ops map with a .name and a scheduling callback, the callbacks it names "
                + "defined, a GPL license), compiled with clang, stored as custom:NAME, then run for "
                + CustomVerifier.DEFAULT_SECONDS + " s in a real sched_ext kernel (this host's, else the kernel "
                + "lab's) with a workload. Returns the check's problems or clang's diagnostics when the source is "
                + "rejected, else the verification result; once verified it runs with run_scheduler. Takes from "
                + "seconds to minutes; sends progress notifications when given a progress token. The name must "
                + "be new.";
    }

    @Override
    public JsonSchema input() {
        return INPUT;
    }

    @Override
    public JsonSchema output() {
        return OUTPUT;
    }

    @Override
    public boolean changesHost() {
        return true;
    }

    @Override
    public ToolResult call(ToolArguments arguments, ToolProgress progress) throws InterruptedException {
        String name = arguments.string("name");
        String source = arguments.string("source_code");
        DescriptorFields fields = new DescriptorFields(arguments.optionalString("description").orElse(null),
                arguments.optionalString("algorithm").orElse(null), arguments.strings("use_cases"),
                arguments.optionalString("characteristics").orElse(null),
                arguments.optionalString("limitations").orElse(null),
                arguments.optionalString("performance_profile").orElse(null));
        progress.report("checking and compiling " + name);
        CreateOutcome outcome = schedulers.create(name, source, name + ".bpf.c", "mcp", fields);
        if (!outcome.created()) {
            return ToolResult.failed(outcome(name, outcome, Optional.empty()), rejection(name, outcome),
                    ToolResult.REJECTED);
        }
        catalogChanged.run();
        String qualified = CustomProvider.ID + ":" + name;
        List<VerificationResult> results;
        try {
            results = verifier.verify(List.of(name), VerifyWhere.AUTO, CustomVerifier.DEFAULT_SECONDS,
                    progress::report);
        } catch (SchedcpException e) {
            throw e.wrapped("created " + qualified + ", but could not verify it: " + e.getMessage());
        }
        VerificationResult result = results.get(0);
        Outcome value = outcome(name, outcome, Optional.of(result));
        StringBuilder text = new StringBuilder(result.summary());
        if (result.passed()) {
            text.append(". ").append(qualified).append(" can now run: run_scheduler {\"name\": \"").append(qualified)
                    .append("\"}.");
            return ToolResult.of(value, text.toString());
        }
        result.details().forEach(line -> text.append("\n  ").append(line));
        text.append("\n").append(qualified).append(" is stored but cannot run until it passes; ")
                .append(ToolAdvice.of(new CustomNotRunnable(name, CustomNotRunnable.Why.FAILED_VERIFICATION)))
                .append('.');
        return ToolResult.failed(value, text.toString(), ToolResult.REJECTED);
    }

    private static Outcome outcome(String name, CreateOutcome outcome, Optional<VerificationResult> verification) {
        Optional<CompileResult> compile = outcome.compile();
        return new Outcome(name, outcome.created(), verification.map(VerificationResult::passed).orElse(false),
                outcome.problems(), compile.map(CompileResult::diagnostics).orElse(List.of()),
                compile.filter(c -> !c.succeeded()).map(CompileResult::output).orElse(List.of()),
                compile.map(c -> c.duration().toMillis()),
                outcome.created() ? Optional.of(CustomProvider.ID + ":" + name) : Optional.empty(), verification);
    }

    private static String rejection(String name, CreateOutcome outcome) {
        boolean compiled = outcome.compile().isPresent();
        StringBuilder text = new StringBuilder(name).append(" was not created: ")
                .append(compiled ? "clang reported " + outcome.compile().get().errors().size() + " error(s)"
                        : "the source check found these problems").append(":\n");
        outcome.errorLines().forEach(line -> text.append(line).append('\n'));
        outcome.problems().stream().filter(p -> !p.error())
                .forEach(p -> text.append(p.format(outcome.fileLabel())).append('\n'));
        text.append("Fix the source and call create_and_verify_scheduler again.");
        return text.toString();
    }
}
