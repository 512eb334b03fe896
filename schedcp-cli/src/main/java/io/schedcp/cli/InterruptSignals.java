package io.schedcp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into a call, instead of the JVM's shutdown, while a command needs to stop
 * something in order; the previous handlers come back on {@link #close()}.
 */
final class InterruptSignals implements AutoCloseable {

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    InterruptSignals(Runnable onSignal) {
        this(name -> onSignal.run());
    }

    /** @param onSignal called with the signal's name, {@code INT} or {@code TERM}, on the JVM's signal thread */
    InterruptSignals(Consumer<String> onSignal) {
        for (String name : List.of("INT", "TERM")) {
            Signal signal = new Signal(name);
            try {
                previous.add(Signal.handle(signal, s -> onSignal.accept(s.getName())));
                signals.add(signal);
            } catch (IllegalArgumentException e) {
                // The signal cannot be handled here (for example under -Xrs): the shutdown hook still stops.
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
