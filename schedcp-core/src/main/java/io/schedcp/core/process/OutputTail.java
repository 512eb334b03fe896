package io.schedcp.core.process;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last lines a program printed, plus listeners that see each new line. Thread-safe. */
public final class OutputTail {

    public static final int DEFAULT_LINES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(OutputTail.class);

    private final int capacity;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public OutputTail(int capacity) {
        this.capacity = capacity;
    }

    public void add(String line) {
        synchronized (lines) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
            listeners.forEach(listener -> deliver(listener, line));
        }
    }

    private static void deliver(Consumer<String> listener, String line) {
        try {
            listener.accept(line);
        } catch (RuntimeException e) {
            LOG.warn("an output listener failed on a line; it stays subscribed", e);
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The last {@code n} lines, oldest first. */
    public List<String> last(int n) {
        List<String> all = lines();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /** Replays the lines held now, then passes on each new one; no line is missed or repeated. */
    public void listen(Consumer<String> listener) {
        synchronized (lines) {
            lines.forEach(line -> deliver(listener, line));
            listeners.add(listener);
        }
    }
}
