package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.McpTool;
import io.schedcp.mcp.ToolArguments;
import io.schedcp.mcp.ToolProgress;
import io.schedcp.mcp.ToolResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code list_schedulers}: every provider's schedulers, with whether each can run here. */
final class ListSchedulersTool implements McpTool {

    private static final JsonSchema INPUT = object("Filters; both optional.")
            .optional(
                    "name",
                    string("Keep schedulers whose name contains this text (case-insensitive), " + "such as 'lavd'."))
            .optional("production_ready", bool("true keeps the production-ready schedulers, false the others."))
            .closed();

    private static final JsonSchema OUTPUT = object("The matching schedulers and the kernel's state.")
            .required("schedulers", arrayOf(ResultSchemas.SCHEDULER, "The matching schedulers, by provider."))
            .required("kernel", ResultSchemas.KERNEL);

    /** The result. */
    record Listed(List<SchedulerView> schedulers, KernelView kernel) {}

    private final SchedulerManager manager;

    ListSchedulersTool(SchedulerManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "list_schedulers";
    }

    @Override
    public String description() {
        return "List the sched_ext CPU schedulers schedcp knows (the scx project's, the kernel's examples, custom "
                + "ones and plugins'), each with its full descriptor (description, algorithm, use cases, tuning "
                + "flags, limitations, performance profile, requirements) and whether it can run on this host, "
                + "with the reason when it cannot. Changes nothing.";
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
        return false;
    }

    @Override
    public ToolResult call(ToolArguments arguments, ToolProgress progress) {
        Optional<String> name = arguments.optionalString("name").map(n -> n.toLowerCase(Locale.ROOT));
        Optional<Boolean> production = arguments.optionalBoolean("production_ready");
        List<SchedulerView> schedulers = manager.list().stream()
                .filter(e -> name.isEmpty()
                        || e.descriptor()
                                .qualifiedName()
                                .toLowerCase(Locale.ROOT)
                                .contains(name.get()))
                .filter(e -> production.isEmpty() || e.descriptor().productionReady() == production.get())
                .map(SchedulerView::of)
                .toList();
        KernelView kernel = KernelView.of(manager.kernelState());
        return ToolResult.of(new Listed(schedulers, kernel), text(schedulers, kernel));
    }

    private static String text(List<SchedulerView> schedulers, KernelView kernel) {
        StringBuilder text = new StringBuilder();
        long available = schedulers.stream().filter(SchedulerView::available).count();
        text.append(schedulers.size())
                .append(schedulers.size() == 1 ? " scheduler matches, " : " schedulers match, ")
                .append(available)
                .append(" can run here; kernel: ")
                .append(kernel.inWords())
                .append(".\n");
        if (!kernel.supported()) {
            text.append("None can run here: ")
                    .append(SchedExtReader.NO_SCHED_EXT_MESSAGE)
                    .append(".\n");
        }
        // Without sched_ext every reason is the same one, said once above.
        schedulers.forEach(
                s -> text.append("- ").append(s.summaryLine(kernel.supported())).append('\n'));
        text.append("Each full descriptor is in the structured result and in the resource ")
                .append("schedcp://schedulers/PROVIDER/NAME.");
        return text.toString();
    }
}
