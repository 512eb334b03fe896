package io.schedcp.userspace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.policy.Dispatch;
import io.schedcp.userspace.harness.HarnessTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class FifoPolicyTest {

    private record Decided(int pid, long vtime) {}

    @Test
    void theDispatchOrderIsTheQueueOrderWhateverTheWeightOrVirtualTime() {
        FifoPolicy fifo = new FifoPolicy();
        Dispatch out = new Dispatch();
        int[] queued = {5, 3, 9, 1, 7};
        long[] vtimes = {900, 10, 500, 0, 42};
        List<Decided> decided = new ArrayList<>();

        for (int i = 0; i < queued.length; i++) {
            HarnessTask task =
                    new HarnessTask().pid(queued[i]).comm("t").vtime(vtimes[i]).weight(100L * (i + 1));
            assertThat(fifo.decide(task, out.reset(task))).isTrue();
            decided.add(new Decided(out.pid(), out.vtime()));
        }

        List<Integer> runOrder = decided.stream()
                .sorted(Comparator.comparingLong(Decided::vtime))
                .map(Decided::pid)
                .toList();
        assertThat(runOrder).containsExactly(5, 3, 9, 1, 7);
    }
}
