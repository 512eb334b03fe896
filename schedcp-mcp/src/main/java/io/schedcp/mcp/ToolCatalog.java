package io.schedcp.mcp;

import io.schedcp.mcp.tools.SchedcpTools;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The server's tools as every list of them is made, from the one list of {@link SchedcpTools}: the tools a server offers ({@link #tools}), the instructions it gives a client at initialization, the
 * text of {@code schedcp mcp --help}, and the read-only set. A new tool is one class and one entry there.
 */
public final class ToolCatalog {

    /**
     * One tool as the lists name it.
     *
     * @param name        the name clients call (the tool's own {@link McpTool#name()})
     * @param summary     what it is for, in a few words, for the instructions and the help
     * @param changesHost whether a call can change the host (the tool's own {@link McpTool#changesHost()})
     * @param factory     makes the tool over the server's library objects
     */
    public record Entry(String name, String summary, boolean changesHost, Function<ToolContext, McpTool> factory) {}

    private static final List<Entry> ENTRIES = SchedcpTools.entries();

    private ToolCatalog() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The names of the tools a server offers: all of them, or only those that change nothing. */
    public static List<String> names(boolean readOnly) {
        return offered(ENTRIES, readOnly).map(Entry::name).toList();
    }

    /** The tools of a server over {@code context}; a tool whose own name or host effect disagrees is a bug. */
    static List<McpTool> tools(ToolContext context, boolean readOnly) {
        return tools(ENTRIES, context, readOnly);
    }

    static List<McpTool> tools(List<Entry> entries, ToolContext context, boolean readOnly) {
        return offered(entries, readOnly)
                .map(entry -> {
                    McpTool tool = entry.factory().apply(context);
                    if (!tool.name().equals(entry.name()) || tool.changesHost() != entry.changesHost()) {
                        throw new IllegalStateException(
                                "the tool catalog's entry " + entry + " disagrees with the tool " + tool.name()
                                        + " (changes the host: " + tool.changesHost() + ")");
                    }
                    return tool;
                })
                .toList();
    }

    /** What the server tells a client at initialization. */
    public static String instructions(boolean readOnly) {
        String tools = offered(ENTRIES, readOnly)
                .map(e -> e.name() + ": " + e.summary())
                .collect(Collectors.joining("; "));
        return "schedcp manages Linux sched_ext CPU schedulers. Its tools: " + tools + ". Each scheduler is also a "
                + "resource (schedcp://schedulers/PROVIDER/NAME). "
                + (readOnly
                        ? "This server is read-only: it offers only the tools that change nothing on the host."
                        : "Loading a scheduler needs root and a kernel with sched_ext.");
    }

    /** The entries a server offers: all of them, or, read-only, those that change nothing on the host. */
    private static Stream<Entry> offered(List<Entry> entries, boolean readOnly) {
        return entries.stream().filter(entry -> !readOnly || !entry.changesHost());
    }
}
