package io.schedcp.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns SIGINT and SIGTERM into a call, instead of the JVM's shutdown, while a command needs to stop
 * something in order; the previous handlers come back on {@link #close()}.
 *
 * <p>The JDK handles signals only through {@code sun.misc.Signal} (module jdk.unsupported). It is reached by
 * reflection here, so that javac has no proprietary API to warn about and the build can fail on every warning.
 */
final class InterruptSignals implements AutoCloseable {

    private static final SignalApi API = SignalApi.find();

    private final List<Object> signals = new ArrayList<>();
    private final List<Object> previous = new ArrayList<>();

    InterruptSignals(Runnable onSignal) {
        this(name -> onSignal.run());
    }

    /** @param onSignal called with the signal's name, {@code INT} or {@code TERM}, on the JVM's signal thread */
    InterruptSignals(Consumer<String> onSignal) {
        if (API == null) {
            return;
        }
        for (String name : List.of("INT", "TERM")) {
            try {
                Object signal = API.signal(name);
                previous.add(API.handle(signal, API.handler(onSignal)));
                signals.add(signal);
            } catch (IllegalArgumentException e) {
                // The signal cannot be handled here (for example under -Xrs): the shutdown hook still stops.
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            API.handle(signals.get(i), previous.get(i));
        }
    }

    /** {@code sun.misc.Signal} and {@code SignalHandler}, looked up once. */
    private record SignalApi(Class<?> signalClass, Class<?> handlerClass, Method handle, Method getName) {

        static SignalApi find() {
            try {
                Class<?> signal = Class.forName("sun.misc.Signal");
                Class<?> handler = Class.forName("sun.misc.SignalHandler");
                return new SignalApi(
                        signal, handler, signal.getMethod("handle", signal, handler), signal.getMethod("getName"));
            } catch (ReflectiveOperationException e) {
                return null; // a JDK without jdk.unsupported: Ctrl-C ends the JVM through its shutdown hook
            }
        }

        Object signal(String name) {
            try {
                return signalClass.getConstructor(String.class).newInstance(name);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        Object handler(Consumer<String> onSignal) {
            return Proxy.newProxyInstance(
                    handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            onSignal.accept((String) getName.invoke(args[0]));
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "InterruptSignals handler";
                        };
                    });
        }

        /** Installs {@code handler} for {@code signal}; returns the handler it replaces. */
        Object handle(Object signal, Object handler) {
            try {
                return handle.invoke(null, signal, handler);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private static RuntimeException unwrap(InvocationTargetException e) {
            return e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
