package io.schedcp.userspace.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.userspace.ring.DispatchSample;
import io.schedcp.userspace.ring.HostRings;
import io.schedcp.userspace.ring.RingBufferConsumer;
import io.schedcp.userspace.ring.RingMaps;
import io.schedcp.userspace.ring.Samples;
import io.schedcp.userspace.ring.TaskSample;
import io.schedcp.userspace.ring.UserRingBufferProducer;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The loop end to end over real kernel maps. Skipped without root, libbpf or the lab toolchain. */
class DecisionLoopHostTest {

    @Test
    void tasksTheKernelQueuedComeBackAsTheDispatchesTheKernelDrains() {
        try (BpfObject object = HostRings.load();
                RingMaps rings = RingMaps.open(object.map(HostRings.QUEUED), object.map(HostRings.DISPATCHED));
                EpollWaiter waiter = EpollWaiter.on(rings.queuedFd())) {
            DecisionLoop loop = new DecisionLoop(
                    new RingBufferConsumer(rings.queued()),
                    new UserRingBufferProducer(rings.dispatched()),
                    new EchoPolicy(),
                    waiter,
                    new LoopSettings(16, 100, 1));
            HostRings.emitTasks(object, 0, 30, 7);

            int[] rounds = {0};
            loop.run(() -> rounds[0]++ < 3);
            int drained = object.program("drain").run();

            List<TaskSample> tasks =
                    IntStream.range(0, 30).mapToObj(Samples::probeTask).toList();
            assertThat(drained).isEqualTo(30);
            assertThat(HostRings.seen(object))
                    .containsExactlyElementsOf(tasks.stream()
                            .map(task -> new DispatchSample(
                                    task.pid(), task.cpu(), task.weight() * 1000, task.vtime(), 0, task.enqueueSeq()))
                            .toList());
            assertThat(loop.stats()).isEqualTo(new LoopStats(30, 30, 0, 0, 0));
        }
    }
}
