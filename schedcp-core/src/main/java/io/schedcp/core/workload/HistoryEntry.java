package io.schedcp.core.workload;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * One run in a workload's history: the stored {@link RunRecord} and the id the store gave it. In JSON the
 * run's fields sit beside the id, in one object.
 *
 * @param id  {@code h-} and 8 hex digits, unique in its store
 * @param run what happened
 */
public record HistoryEntry(String id, @JsonUnwrapped RunRecord run) {

    public HistoryEntry {
        Objects.requireNonNull(id, "a history entry needs an id");
        Objects.requireNonNull(run, "a history entry needs its run");
    }
}
