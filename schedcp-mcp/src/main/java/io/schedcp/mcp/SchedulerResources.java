package io.schedcp.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.manager.SchedulerEntry;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.mcp.tools.SchedulerView;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog as MCP resources, one per scheduler at {@code schedcp://schedulers/PROVIDER/NAME}: its
 * descriptor and availability as JSON, read fresh each time, so a client can look schedulers up without a
 * tool call.
 */
final class SchedulerResources {

    static final String MIME_TYPE = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerResources.class);

    private final SchedulerManager manager;
    private final Set<String> published = new HashSet<>();

    SchedulerResources(SchedulerManager manager) {
        this.manager = manager;
    }

    /** A resource for each scheduler the manager lists now. */
    synchronized List<SyncResourceSpecification> specifications() {
        Map<String, SyncResourceSpecification> specs = current();
        published.clear();
        published.addAll(specs.keySet());
        return List.copyOf(specs.values());
    }

    /** Brings the server's resources in line with the catalog after a scheduler was added or removed. */
    synchronized void sync(McpSyncServer server) {
        Map<String, SyncResourceSpecification> specs = current();
        for (String uri : Set.copyOf(published)) {
            if (!specs.containsKey(uri)) {
                server.removeResource(uri);
                published.remove(uri);
                LOG.info("resource removed: {}", uri);
            }
        }
        specs.forEach((uri, spec) -> {
            if (published.add(uri)) {
                server.addResource(spec);
                LOG.info("resource added: {}", uri);
            }
        });
    }

    private Map<String, SyncResourceSpecification> current() {
        Map<String, SyncResourceSpecification> specs = new LinkedHashMap<>();
        for (SchedulerEntry entry : manager.list()) {
            String uri = SchedulerView.resourceUri(entry.descriptor());
            String qualified = entry.descriptor().qualifiedName();
            Resource resource = Resource.builder(uri, qualified)
                    .title(entry.descriptor().name())
                    .description(firstSentence(entry.descriptor().description()))
                    .mimeType(MIME_TYPE)
                    .build();
            specs.put(uri, new SyncResourceSpecification(resource, (exchange, request) -> read(qualified, uri)));
        }
        return specs;
    }

    private ReadResourceResult read(String qualifiedName, String uri) {
        SchedulerEntry entry = manager.find(qualifiedName)
                .orElseThrow(() -> McpError.builder(ErrorCodes.RESOURCE_NOT_FOUND)
                        .message("no scheduler is named '" + qualifiedName + "' any more; list_schedulers lists them")
                        .data(Map.of("uri", uri))
                        .build());
        return ReadResourceResult.builder(
                        List.of(TextResourceContents.builder(uri, SchedcpJson.indented(SchedulerView.of(entry)))
                                .mimeType(MIME_TYPE)
                                .build()))
                .build();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
