package io.schedcp.daemon.fleet;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.daemon.Daemon;
import io.schedcp.daemon.DaemonServices;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.auth.Tokens;
import io.schedcp.daemon.supervise.RestartPolicy;
import io.schedcp.daemon.supervise.SupervisorStatus;
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
import java.util.Optional;

/**
 * One machine of a fleet, in its own directory: a real {@link Daemon} on a free port of 127.0.0.1 with its own
 * home (and so its own tokens), its own fake /sys/kernel/sched_ext, and a manager over the test kit's fake
 * provider (fake_a, fake_b). The provider passes the fake sysfs to the fake scheduler program on its command
 * line, since a program started from the test JVM gets no SCHEDCP_SCHED_EXT_DIR from the environment.
 */
final class FleetNode implements AutoCloseable {

    /**
     * One restart, after a backoff longer than any test: a scheduler that fails stays RESTARTING, the phase a
     * rollout must take as a failure without waiting for the daemon to give up.
     */
    static final RestartPolicy RESTART_LATE = new RestartPolicy(1, Duration.ofSeconds(60), Duration.ofSeconds(60));

    private static final ManagerSettings SETTINGS =
            new ManagerSettings(Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofMillis(20));

    /**
     * The fake scheduler program of a host where fake_b cannot load: started for fake_b it fails before
     * enabling, as a scheduler fails on a kernel that lacks something it needs; anything else runs the real
     * fake program ({@code %s}).
     */
    private static final String REFUSES_FAKE_B = """
            #!/bin/sh
            for a in "$@"; do
              if [ "$a" = fake_b ]; then
                echo "fake fake_b: this host's kernel lacks a feature it needs"
                echo "EXIT: failed to load (fake)"
                exit 1
              fi
            done
            exec /bin/sh '%s' "$@"
            """;

    final FakeSchedExt kernel;
    private final SchedulerManager manager;
    private final Daemon daemon;
    private final Path tokenFile;

    private FleetNode(Path directory, boolean refusesFakeB) {
        try {
            Path home = Files.createDirectories(directory.resolve("home"));
            kernel = FakeSchedExt.in(directory);
            Path program = FakeSchedulerProgram.installAt(directory.resolve("fake-scheduler.sh"));
            if (refusesFakeB) {
                program = Files.writeString(
                        directory.resolve("refuses-fake-b.sh"), REFUSES_FAKE_B.formatted(program.toAbsolutePath()));
            }
            SchedcpConfig config = new SchedcpConfig(
                    home, Map.of("SCHEDCP_SCHED_EXT_DIR", kernel.directory().toString()));
            manager = SchedulerManager.builder()
                    .config(config)
                    .discoverProviders(false)
                    .loadPlugins(false)
                    .provider(new FakeProvider(program, kernel))
                    .launcher(new PrivilegedLauncher(Privilege.direct()))
                    .foreignOwners(List::of)
                    .settings(SETTINGS)
                    .build();
            DaemonSettings settings = DaemonSettings.defaults(home)
                    .withListen(Optional.of(DaemonSettings.parseListen("127.0.0.1:0")))
                    .withRestart(RESTART_LATE);
            daemon = Daemon.start(manager, settings, DaemonServices.of(config, manager), "test");
            tokenFile = home.resolve(Tokens.FULL_FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node on which fake_a and fake_b both run. */
    static FleetNode start(Path directory) {
        return new FleetNode(directory, false);
    }

    /** A node on which fake_b fails to load, and fake_a runs. */
    static FleetNode refusingFakeB(Path directory) {
        return new FleetNode(directory, true);
    }

    String url() {
        return "http://127.0.0.1:" + daemon.port().orElseThrow();
    }

    /** Its line in a fleet file: {@code URL TOKENFILE}. */
    String fleetLine() {
        return url() + " " + tokenFile;
    }

    SupervisorStatus status() {
        return daemon.supervisor().status();
    }

    /** Asks the daemon, as a client would, for {@code name} with {@code args}; the caller waits for it. */
    void run(String name, List<String> args) {
        daemon.supervisor().run(name, args, false);
    }

    String kernelState() {
        try {
            return kernel.state();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<String> kernelOps() {
        try {
            return kernel.ops();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        daemon.close();
        manager.close();
    }
}
