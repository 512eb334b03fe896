package io.schedcp.core.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The content of {@code workloads.json}: the schema number, the workloads in the order they were created,
 * and each workload's history, oldest run first.
 */
record WorkloadFile(int schema, List<WorkloadProfile> workloads, Map<String, List<HistoryEntry>> history) {

    WorkloadFile {
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        Map<String, List<HistoryEntry>> copy = new LinkedHashMap<>();
        if (history != null) {
            history.forEach((id, entries) -> copy.put(id, entries == null ? List.of() : List.copyOf(entries)));
        }
        history = Collections.unmodifiableMap(copy);
    }

    static WorkloadFile empty() {
        return new WorkloadFile(WorkloadStore.SCHEMA, List.of(), Map.of());
    }

    Optional<WorkloadProfile> find(String id) {
        return workloads.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    List<HistoryEntry> historyOf(String id) {
        return history.getOrDefault(id, List.of());
    }

    WorkloadFile with(WorkloadProfile workload) {
        List<WorkloadProfile> more = new ArrayList<>(workloads);
        more.add(workload);
        return new WorkloadFile(WorkloadStore.SCHEMA, more, history);
    }

    WorkloadFile with(String workloadId, HistoryEntry entry) {
        Map<String, List<HistoryEntry>> more = new LinkedHashMap<>(history);
        List<HistoryEntry> entries = new ArrayList<>(historyOf(workloadId));
        entries.add(entry);
        more.put(workloadId, entries);
        return new WorkloadFile(WorkloadStore.SCHEMA, workloads, more);
    }

    /** Whether any workload or history entry already has {@code id}. */
    boolean uses(String id) {
        return find(id).isPresent()
                || history.values().stream().flatMap(List::stream).anyMatch(e -> e.id().equals(id));
    }

    /** What makes the content inconsistent, if anything: a repeated id, history of an unknown workload. */
    Optional<String> inconsistency() {
        Set<String> ids = new HashSet<>();
        for (WorkloadProfile workload : workloads) {
            if (!ids.add(workload.id())) {
                return Optional.of("the workload id " + workload.id() + " appears twice");
            }
        }
        for (Map.Entry<String, List<HistoryEntry>> entries : history.entrySet()) {
            if (find(entries.getKey()).isEmpty()) {
                return Optional.of("there is history for " + entries.getKey() + ", which is not a workload");
            }
            for (HistoryEntry entry : entries.getValue()) {
                if (!ids.add(entry.id())) {
                    return Optional.of("the id " + entry.id() + " appears twice");
                }
            }
        }
        return Optional.empty();
    }
}
