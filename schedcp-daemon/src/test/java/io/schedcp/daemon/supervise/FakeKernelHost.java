package io.schedcp.daemon.supervise;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
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
 * A host for the supervisor's and the metrics' tests, in a temp directory: the test kit's fake
 * /sys/kernel/sched_ext and its fake provider (fake_a, fake_b, fake_missing and fake_ejects), under the
 * library's own manager with short timeouts, as schedcp-mcp's FakeHost builds it.
 */
public final class FakeKernelHost implements AutoCloseable {

    /** Short enough for tests; the stop step is also how long an ejected program may take to end by itself. */
    public static final ManagerSettings SETTINGS =
            new ManagerSettings(Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofMillis(20));

    public final SchedulerManager manager;
    private final FakeSchedExt kernel;

    public FakeKernelHost(Path temp) {
        try {
            Path home = Files.createDirectories(temp.resolve("home"));
            kernel = FakeSchedExt.in(temp);
            Path program = FakeSchedulerProgram.installAt(temp.resolve("fake-scheduler.sh"));
            SchedcpConfig config = new SchedcpConfig(
                    home, Map.of("SCHEDCP_SCHED_EXT_DIR", kernel.directory().toString()));
            manager = SchedulerManager.builder()
                    .config(config)
                    .discoverProviders(false)
                    .loadPlugins(false)
                    .provider(new FakeProvider(program, kernel).withEjectingScheduler())
                    .launcher(new PrivilegedLauncher(Privilege.direct()))
                    .foreignOwners(List::of)
                    .settings(SETTINGS)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the fake kernel's {@code state} says. */
    public String kernelState() {
        try {
            return kernel.state();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the fake kernel show {@code lines} in {@code root/events}, as a 6.12+ kernel does ("NAME VALUE"). */
    public void writeEvents(String lines) throws IOException {
        Path root = Files.createDirectories(kernel.directory().resolve("root"));
        Files.writeString(root.resolve("events"), lines);
    }

    /** Stops what the manager runs. */
    @Override
    public void close() {
        manager.close();
    }
}
