package io.schedcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link McpTool} through the SDK: its declaration, its arguments checked against its schema, its
 * result as structured content plus text, progress as notifications, and every failure as a tool result with
 * {@code isError} and a message that says what to do ({@link ToolAdvice}), never as a protocol error or a stack
 * trace.
 */
final class ToolBridge {

    /**
     * The {@code _meta} key of an error result that names its cause: a {@link Kind} in lower case, or
     * {@code shutting_down}, or {@code internal} for a bug.
     */
    static final String ERROR_KIND = "io.schedcp/error_kind";
    /** The error kind of a call the client cancelled with {@code notifications/cancelled}. */
    static final String CANCELLED = "cancelled";

    private static final Logger LOG = LoggerFactory.getLogger(ToolBridge.class);

    private final InFlightCalls calls;

    ToolBridge(InFlightCalls calls) {
        this.calls = calls;
    }

    SyncToolSpecification specification(McpTool tool) {
        Tool declared = Tool.builder(tool.name(), tool.input().toMap())
                .description(tool.description())
                .outputSchema(tool.output().toMap())
                .annotations(ToolAnnotations.builder()
                        .readOnlyHint(!tool.changesHost())
                        .openWorldHint(false)
                        .build())
                .build();
        return SyncToolSpecification.builder()
                .tool(declared)
                .callHandler((exchange, request) -> call(tool, exchange, request))
                .build();
    }

    private CallToolResult call(McpTool tool, McpSyncServerExchange exchange, CallToolRequest request) {
        Map<String, Object> arguments = request.arguments();
        LOG.info("tool {} {}", tool.name(), loggable(arguments));
        long start = System.nanoTime();
        try {
            ToolResult result = calls.run(
                    requestKey(request),
                    () -> tool.call(
                            new ToolArguments(tool.name(), tool.input(), arguments).requireKnown(),
                            progress(exchange, request)));
            LOG.info(
                    "tool {} {} in {} ms",
                    tool.name(),
                    result.failure() ? "failed" : "done",
                    (System.nanoTime() - start) / 1_000_000);
            CallToolResult.Builder answer = CallToolResult.builder()
                    .content(List.of(TextContent.builder(result.text()).build()))
                    .structuredContent(SchedcpJson.toMap(result.value()))
                    .isError(result.failure());
            result.errorKind().ifPresent(kind -> answer.meta(Map.of(ERROR_KIND, kind)));
            return answer.build();
        } catch (SchedcpException e) {
            String message = EchoedValues.bound(ToolAdvice.message(e), arguments);
            LOG.warn("tool {} failed: {}", tool.name(), message);
            return error(e.kind().name().toLowerCase(Locale.ROOT), message);
        } catch (InFlightCalls.Cancelled e) {
            String how = e.getCause() instanceof SchedcpException
                    ? EchoedValues.bound(e.getMessage(), arguments)
                    : "it was interrupted";
            LOG.info("tool {} cancelled by the client: {}", tool.name(), how);
            return error(
                    CANCELLED,
                    "the client cancelled this " + tool.name() + " call, so it was stopped before " + "it finished: "
                            + how);
        } catch (InterruptedException e) {
            LOG.warn("tool {} interrupted: the server is shutting down", tool.name());
            return error(
                    "shutting_down",
                    "the schedcp MCP server is shutting down, so " + tool.name()
                            + " was stopped before it finished; start the server again and repeat the call");
        } catch (RuntimeException e) {
            LOG.error("tool {} failed unexpectedly", tool.name(), e);
            return error(
                    "internal",
                    "internal error in " + tool.name() + ". This is a bug in schedcp; "
                            + "the details are in its log (schedcp.log in the schedcp home, ~/.schedcp unless SCHEDCP_HOME "
                            + "says otherwise).");
        }
    }

    /** The key {@link ProtocolInput} gave the request, by which {@code notifications/cancelled} finds it. */
    private static Optional<String> requestKey(CallToolRequest request) {
        Map<String, Object> meta = request.meta();
        return meta == null
                ? Optional.empty()
                : Optional.ofNullable(meta.get(ProtocolInput.REQUEST_KEY)).map(String::valueOf);
    }

    /** @param cause a {@link Kind} in lower case, {@code shutting_down} or {@code internal} */
    private static CallToolResult error(String cause, String message) {
        return CallToolResult.builder()
                .content(List.of(TextContent.builder(message).build()))
                .isError(true)
                .meta(Map.of(ERROR_KIND, cause))
                .build();
    }

    /** MCP progress notifications when the client gave a progress token; nothing otherwise. */
    private static ToolProgress progress(McpSyncServerExchange exchange, CallToolRequest request) {
        Object token = request.progressToken();
        if (token == null) {
            return ToolProgress.NONE;
        }
        AtomicLong step = new AtomicLong();
        return message -> {
            try {
                exchange.progressNotification(ProgressNotification.builder(token, (double) step.incrementAndGet())
                        .message(message)
                        .build());
            } catch (RuntimeException e) {
                LOG.debug("a progress notification was not delivered: {}", e.toString());
            }
        };
    }

    /** The arguments for the log, long values (a scheduler's source) cut short. */
    private static String loggable(Map<String, Object> arguments) {
        if (arguments == null || arguments.isEmpty()) {
            return "{}";
        }
        return arguments.entrySet().stream()
                .map(e -> {
                    return EchoedValues.cut(e.getKey()) + "=" + EchoedValues.cut(String.valueOf(e.getValue()));
                })
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
