package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bookkeeping that detaches leaked struct_ops links at exit, with fake links and a fake JVM. */
class ShutdownDetacherTest {

    private final List<Thread> hooks = new ArrayList<>();
    private final ShutdownDetacher detacher = new ShutdownDetacher(hooks::add);
    private final List<String> detached = new ArrayList<>();

    /** Closes like a link: once, unregistering itself. */
    private final class FakeLink implements AutoCloseable {
        private final String name;
        private boolean closed;

        FakeLink(String name) {
            this.name = name;
            detacher.register(this);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                detached.add(name);
                detacher.unregister(this);
            }
        }
    }

    /** Runs the hook as the JVM does at exit: on its own thread. */
    private void runTheHook() throws InterruptedException {
        Thread hook = hooks.get(0);
        hook.start();
        hook.join();
    }

    @Test
    void theHookDetachesTheLinksNeverClosedAndOnlyThose() throws InterruptedException {
        new FakeLink("leaked");
        FakeLink closed = new FakeLink("closed");
        closed.close();
        detached.clear();

        runTheHook();

        assertThat(detached).containsExactly("leaked");
        assertThat(detacher.attached()).isEmpty();
    }

    @Test
    void oneHookIsInstalledForAllLinksAndOnlyWhenTheFirstAttaches() {
        assertThat(hooks).isEmpty();

        new FakeLink("a");
        new FakeLink("b");

        assertThat(hooks).hasSize(1);
        assertThat(hooks.get(0).getName()).isEqualTo("schedcp-struct-ops-detacher");
    }

    @Test
    void aLinkThatFailsToDetachDoesNotKeepTheOthersAttached() throws InterruptedException {
        detacher.register(() -> {
            throw new IllegalStateException("bpf_link__destroy failed");
        });
        new FakeLink("second");

        runTheHook();

        assertThat(detached).containsExactly("second");
    }

    @Test
    void aLinkAttachedWhileTheJvmExitsIsStillTracked() {
        ShutdownDetacher exiting = new ShutdownDetacher(hook -> {
            throw new IllegalStateException("Shutdown in progress");
        });
        AutoCloseable link = () -> {};

        exiting.register(link);

        assertThat(exiting.attached()).containsExactly(link);
    }
}
