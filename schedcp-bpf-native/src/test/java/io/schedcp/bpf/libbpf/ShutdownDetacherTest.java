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

    @Test
    void theHookDetachesTheLinksNeverClosedAndOnlyThose() {
        new FakeLink("leaked");
        FakeLink closed = new FakeLink("closed");
        closed.close();
        detached.clear();

        hooks.get(0).run();

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
    void aLinkThatFailsToDetachDoesNotKeepTheOthersAttached() {
        detacher.register(() -> {
            throw new IllegalStateException("bpf_link__destroy failed");
        });
        new FakeLink("second");

        hooks.get(0).run();

        assertThat(detached).containsExactly("second");
    }

    @Test
    void aLinkAttachedWhileTheJvmExitsIsStillTracked() {
        ShutdownDetacher exiting = new ShutdownDetacher(hook -> {
            throw new IllegalStateException("Shutdown in progress");
        });
        AutoCloseable link = () -> { };

        exiting.register(link);

        assertThat(exiting.attached()).containsExactly(link);
    }
}
