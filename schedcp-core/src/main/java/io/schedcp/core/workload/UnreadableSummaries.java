package io.schedcp.core.workload;

import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.monitor.MonitorSummary;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes the monitor summaries that do not read as a {@link MonitorSummary} out of a {@code workloads.json}
 * before it is read into records. Builds before the summary was a record kept whatever JSON
 * {@code schedcp workload add-history --monitor-summary} was given. Such a summary must not make the whole file
 * unreadable, which would move the user's workloads aside at the next write: its run reads without it, and
 * the file keeps it through {@link UnknownFields}, as it keeps every field this build does not know.
 */
final class UnreadableSummaries {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableSummaries.class);
    private static final String FIELD = "monitor_summary";

    private UnreadableSummaries() {}

    /** {@code file} itself when every summary reads, otherwise a copy without the ones that do not. */
    static JsonNode removedFrom(JsonNode file) {
        JsonNode copy = null;
        for (Map.Entry<String, JsonNode> workload : file.path("history").properties()) {
            JsonNode runs = workload.getValue();
            // Anything but a list of runs is left to the reading that follows, which names what is wrong.
            for (int i = 0; runs.isArray() && i < runs.size(); i++) {
                JsonNode summary = runs.get(i).get(FIELD);
                if (summary == null || readable(summary)) {
                    continue;
                }
                if (copy == null) {
                    copy = file.deepCopy();
                }
                if (copy.get("history").get(workload.getKey()).get(i) instanceof ObjectNode run) {
                    run.remove(FIELD);
                    LOG.debug(
                            "run {} of {} has a monitor summary that is not one schedcp writes; it is kept in the "
                                    + "file and not shown",
                            run.path("id").asString(""),
                            workload.getKey());
                }
            }
        }
        return copy == null ? file : copy;
    }

    private static boolean readable(JsonNode summary) {
        try {
            SchedcpJson.mapper().treeToValue(summary, MonitorSummary.class);
            return true;
        } catch (JacksonException | NullPointerException e) {
            return false;
        }
    }
}
