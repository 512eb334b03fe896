package io.schedcp.bpf.libbpf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the struct_ops links that are attached and detaches those still attached when the JVM exits. The
 * kernel keeps a sched_ext scheduler running for as long as its link lives; without this, a program that
 * forgot to close one (or exited on an exception) would leave a scheduler behind that nobody owns. One
 * shutdown hook serves all links; it is installed with the first.
 *
 * <p>A JVM killed outright runs no hooks: then the kernel closes the link's file descriptor, which detaches
 * a link-based ({@code SEC(".struct_ops.link")}) scheduler, though not a legacy {@code SEC(".struct_ops")} one.
 */
final class ShutdownDetacher {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownDetacher.class);

    /** The detacher of this JVM. */
    static final ShutdownDetacher JVM =
            new ShutdownDetacher(hook -> Runtime.getRuntime().addShutdownHook(hook));

    private final Consumer<Thread> hookInstaller;
    private final Set<AutoCloseable> attached = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean hookInstalled;

    ShutdownDetacher(Consumer<Thread> hookInstaller) {
        this.hookInstaller = hookInstaller;
    }

    /** Detaches {@code link}, by closing it, at exit unless it is {@link #unregister unregistered} first. */
    synchronized void register(AutoCloseable link) {
        if (!hookInstalled) {
            try {
                hookInstaller.accept(new Thread(this::detachAll, "schedcp-struct-ops-detacher"));
                hookInstalled = true;
            } catch (IllegalStateException e) {
                LOG.warn("the JVM is shutting down: {} will not be detached at exit", link);
            }
        }
        attached.add(link);
    }

    synchronized void unregister(AutoCloseable link) {
        attached.remove(link);
    }

    synchronized List<AutoCloseable> attached() {
        return List.copyOf(attached);
    }

    /** Closes every link still registered; one that fails does not keep the others attached. */
    void detachAll() {
        List<AutoCloseable> leaked;
        synchronized (this) {
            leaked = new ArrayList<>(attached);
            attached.clear();
        }
        for (AutoCloseable link : leaked) {
            LOG.warn("detaching {}, which was never closed, as the JVM exits", link);
            try {
                link.close();
            } catch (Exception | Error e) {
                LOG.error("could not detach {}: {}", link, e.getMessage());
            }
        }
    }
}
