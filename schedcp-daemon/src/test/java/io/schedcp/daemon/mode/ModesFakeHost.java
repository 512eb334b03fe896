package io.schedcp.daemon.mode;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.daemon.supervise.RestartPolicy;
import io.schedcp.daemon.supervise.Supervisor;
import io.schedcp.testkit.kernel.FakeSchedExt;
import io.schedcp.testkit.kernel.FakeSchedulerProgram;
import io.schedcp.testkit.provider.FakeProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A host for the modes' tests, in a temp directory: the test kit's fake /sys/kernel/sched_ext and its fake
 * provider (fake_a and fake_b run, fake_missing is not installed), the library's own manager over them, a
 * workload store in the home, and a supervisor that does not restart.
 */
public final class ModesFakeHost implements AutoCloseable {

    /** A table whose modes run the fake schedulers: gaming and auto fake_a, server fake_missing. */
    public static final ModeTable FAKE_TABLE = ModeTable.defaults()
            .with(Map.of(
                    Mode.AUTO, new ModeSetting("fake_a", List.of(), true),
                    Mode.GAMING, new ModeSetting("fake_a", List.of(), true),
                    Mode.LOWLATENCY, new ModeSetting("fake_b", List.of(), true),
                    Mode.SERVER, new ModeSetting("fake_missing", List.of(), true)));

    public final Path home;
    private final FakeSchedExt kernel;
    public final SchedulerManager manager;
    public final WorkloadStore workloads;
    public final Supervisor supervisor;

    public ModesFakeHost(Path temp) {
        try {
            home = Files.createDirectories(temp.resolve("home"));
            kernel = FakeSchedExt.in(temp);
            Path program = FakeSchedulerProgram.installAt(temp.resolve("fake-scheduler.sh"));
            manager = SchedulerManager.builder()
                    .config(new SchedcpConfig(
                            home,
                            Map.of("SCHEDCP_SCHED_EXT_DIR", kernel.directory().toString())))
                    .discoverProviders(false)
                    .loadPlugins(false)
                    .provider(new FakeProvider(program, kernel))
                    .foreignOwners(List::of)
                    .settings(new ManagerSettings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(20)))
                    .build();
            workloads = new WorkloadStore(home);
            supervisor = new Supervisor(manager, new RestartPolicy(0, Duration.ZERO, Duration.ZERO));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DaemonModes modes(ModeTable table) {
        return new DaemonModes(manager, supervisor, table, workloads);
    }

    /** Waits until the supervisor's status has reached its last request and settled. */
    public void awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var status = supervisor.status();
            if (status.request() == supervisor.lastRequest() && status.settled()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the supervisor did not settle: " + supervisor.status());
    }

    @Override
    public void close() {
        supervisor.close();
        manager.close();
    }
}
