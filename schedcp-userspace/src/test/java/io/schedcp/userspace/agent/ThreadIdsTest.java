package io.schedcp.userspace.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThreadIdsTest {

    private static boolean isThreadOfThisProcess(int tid) {
        return Files.isDirectory(Path.of("/proc/" + ProcessHandle.current().pid() + "/task/" + tid));
    }

    @Test
    void eachThreadHasItsOwnKernelIdUnderThisProcess() throws Exception {
        AtomicInteger other = new AtomicInteger();
        AtomicBoolean seenAlive = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            other.set(ThreadIds.current());
            seenAlive.set(isThreadOfThisProcess(other.get()));
        });
        thread.start();
        thread.join();
        int mine = ThreadIds.current();

        assertThat(other.get()).isPositive().isNotEqualTo(mine);
        assertThat(seenAlive).isTrue();
        assertThat(isThreadOfThisProcess(mine)).isTrue();
    }
}
