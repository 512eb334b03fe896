package io.schedcp.core.manager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The last executions a manager started, by id, so that their status can still be asked after they ended. */
final class ExecutionHistory {

    static final int REMEMBERED = 100;

    private final Map<String, Execution> byId = new LinkedHashMap<>();

    synchronized void add(Execution execution) {
        byId.put(execution.id(), execution);
        if (byId.size() > REMEMBERED) {
            byId.remove(byId.keySet().iterator().next());
        }
    }

    synchronized Optional<Execution> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized List<Execution> all() {
        return List.copyOf(byId.values());
    }
}
