package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.number;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.api.ErrorDetail.CustomNotRunnable;
import io.schedcp.bpf.custom.CreateAndVerify;
import io.schedcp.bpf.custom.CreationReport;
import io.schedcp.bpf.custom.CustomSource;
import io.schedcp.bpf.custom.CustomVerifier;
import io.schedcp.bpf.custom.DescriptorFields;
import io.schedcp.bpf.custom.VerificationResult;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolAdvice;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolContext;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;

/**
 * {@code create_and_verify_scheduler}: checks and compiles BPF C source into a custom scheduler, then runs it
 * in a real sched_ext kernel (the host's, else the lab's) under a workload.
 */
final class CreateAndVerifySchedulerTool implements McpTool {

    private static final JsonSchema INPUT = object("The scheduler's name, source and what it is.")
            .required("name", string("A new lower-case identifier, such as my_fifo; it becomes custom:NAME."))
            .required(
                    "source_code",
                    string(
                            "The whole BPF C source in the scx style: #include "
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
            .required(
                    "passed",
                    bool("Whether it loaded, stayed enabled the whole time with the workload "
                            + "running, and detached cleanly."))
            .required("where", string("host or lab."))
            .required(
                    "stage",
                    string("Where it failed: compile, load, attach, enable, run, workload or detach; "
                            + "none when it passed."))
            .required("reason", string("Why it failed, one sentence; empty when it passed."))
            .required(
                    "details",
                    arrayOf(
                            string(""),
                            "The lines behind the reason: the BPF verifier's "
                                    + "essentials, the kernel's exit message."))
            .required("seconds_ran", number("How long the kernel had it enabled."));

    private static final JsonSchema OUTPUT = object(
                    "What became of the source: the report the CLI's create-and-run " + "--json prints.")
            .required("name", string("The name asked for."))
            .required("created", bool("Whether it passed the checks and compiled, and is stored as custom:NAME."))
            .required("verified", bool("Whether it also passed verification and can now run with run_scheduler."))
            .required("source_file", string("The file name the problems and clang's messages use, NAME.bpf.c."))
            .required("problems", arrayOf(PROBLEM, "What the source check found (warnings too when it passed)."))
            .required("diagnostics", arrayOf(DIAGNOSTIC, "clang's messages, parsed."))
            .required("compiler_output", arrayOf(string(""), "clang's output as it wrote it, when it failed."))
            .optional("compile_ms", integer("How long clang took."))
            .optional("qualified_name", string("custom:NAME, once created."))
            .optional("ops_name", string("The name the kernel reports while it runs, once created."))
            .optional("directory", string("Where it is stored, once created."))
            .optional("verification", VERIFICATION);

    private final CreateAndVerify flow;
    private final Runnable catalogChanged;

    CreateAndVerifySchedulerTool(ToolContext context) {
        this.flow = new CreateAndVerify(context.customSchedulers(), context.customVerifier());
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
        DescriptorFields fields = new DescriptorFields(
                arguments.optionalString("description").orElse(null),
                arguments.optionalString("algorithm").orElse(null),
                arguments.strings("use_cases"),
                arguments.optionalString("characteristics").orElse(null),
                arguments.optionalString("limitations").orElse(null),
                arguments.optionalString("performance_profile").orElse(null));
        CustomSource source = CustomSource.text(arguments.string("source_code"), name + ".bpf.c", "mcp");
        CreationReport report =
                flow.run(CreateAndVerify.Request.of(name, source, fields), new CreateAndVerify.Progress() {
                    @Override
                    public void compiling(String scheduler) {
                        progress.report("checking and compiling " + scheduler);
                    }

                    @Override
                    public void created(CreationReport created) {
                        catalogChanged.run();
                    }

                    @Override
                    public void verifying(String line) {
                        progress.report(line);
                    }
                });
        if (!report.created()) {
            return ToolResult.failed(report, rejection(report), ToolResult.REJECTED);
        }
        VerificationResult result = report.verification().orElseThrow();
        String qualified = report.qualifiedName().orElseThrow();
        StringBuilder text = new StringBuilder(result.summary());
        if (report.verified()) {
            text.append(". ")
                    .append(qualified)
                    .append(" can now run: run_scheduler {\"name\": \"")
                    .append(qualified)
                    .append("\"}.");
            return ToolResult.of(report, text.toString());
        }
        result.details().forEach(line -> text.append("\n  ").append(line));
        text.append("\n")
                .append(qualified)
                .append(" is stored but cannot run until it passes; ")
                .append(ToolAdvice.of(new CustomNotRunnable(name, CustomNotRunnable.Why.FAILED_VERIFICATION)))
                .append('.');
        return ToolResult.failed(report, text.toString(), ToolResult.REJECTED);
    }

    private static String rejection(CreationReport report) {
        StringBuilder text = new StringBuilder(report.name())
                .append(" was not created: ")
                .append(
                        report.compiled()
                                ? "clang reported " + report.compilerErrors() + " error(s)"
                                : "the source check found these problems")
                .append(":\n");
        report.errorLines().forEach(line -> text.append(line).append('\n'));
        report.warningLines().forEach(line -> text.append(line).append('\n'));
        text.append("Fix the source and call create_and_verify_scheduler again.");
        return text.toString();
    }
}
