package io.schedcp.core.monitor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** Hands out the snapshots it was given, one per read, in order. */
final class ScriptedSource implements SnapshotSource {

    private final Deque<SystemSnapshot> script;
    private int reads;

    ScriptedSource(List<SystemSnapshot> script) {
        this.script = new ArrayDeque<>(script);
    }

    static ScriptedSource of(Snapshots... snapshots) {
        return new ScriptedSource(Arrays.stream(snapshots).map(Snapshots::build).toList());
    }

    @Override
    public synchronized SystemSnapshot read() {
        reads++;
        if (script.isEmpty()) {
            throw new IllegalStateException("the script has no snapshot left for read " + reads);
        }
        return script.removeFirst();
    }

    synchronized int reads() {
        return reads;
    }
}
