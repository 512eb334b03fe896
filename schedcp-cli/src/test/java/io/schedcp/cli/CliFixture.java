package io.schedcp.cli;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.kernel.StructOpsOwners;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.slo.control.SloControl;
import io.schedcp.testkit.kernel.FakeSchedExt;
import io.schedcp.testkit.kernel.FakeSchedulerProgram;
import io.schedcp.userspace.control.PolicyControl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A sandbox for CLI tests: a schedcp home, the test kit's fake sched_ext sysfs directory and a directory of
 * fake scx scheduler binaries (the kit's fake scheduler program), with the environment that points schedcp at
 * them.
 */
final class CliFixture {

    final Path home;
    final FakeSchedExt schedExt;
    final Path sysfs;
    final Path scxBin;
    /** The programs that hold a sched_ext scheduler this schedcp did not start, as the CLI's manager sees them. */
    final List<StructOpsOwners.Owner> foreignOwners = new CopyOnWriteArrayList<>();
    /** How the CLI reaches a running scx_slo at a socket: by default, no scx_slo runs. */
    Function<Path, SloControl> slo = socket -> FakeSloControl.notRunning();
    /** How the CLI reaches a running scx_userspace at a socket: by default, none runs. */
    Function<Path, PolicyControl> policy = FakePolicyControl::notRunning;

    CliFixture(Path temp) {
        try {
            home = temp.resolve("home");
            schedExt = FakeSchedExt.in(temp);
            sysfs = schedExt.directory();
            scxBin = Files.createDirectories(temp.resolve("scxbin"));
            kernelState("disabled", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Installs the fake scheduler under {@code name}, such as {@code scx_simple}: run by schedcp, it registers
     * the ops name {@code simple} in the sysfs directory schedcp passes on in SCHEDCP_SCHED_EXT_DIR.
     */
    CliFixture install(String name) {
        FakeSchedulerProgram.installAt(scxBin.resolve(name));
        return this;
    }

    /**
     * Installs under {@code name} the fake scheduler with this fixture's sysfs directory and {@code ops} written
     * into its command line, so that a scheduler started in this JVM (whose own environment has no
     * SCHEDCP_SCHED_EXT_DIR) registers in the fake kernel.
     */
    CliFixture installRunnable(String name, String ops) {
        Path program = FakeSchedulerProgram.installAt(scxBin.resolve("." + name + ".fake"));
        Path target = scxBin.resolve(name);
        try {
            Files.writeString(
                    target,
                    "#!/bin/sh\nexec /bin/sh '" + program + "' --sysfs '" + sysfs + "' --ops " + ops + " \"$@\"\n");
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Installs under {@code name} a program that only sleeps: the kernel never reports it enabled. */
    CliFixture installSleeper(String name) {
        Path target = scxBin.resolve(name);
        try {
            Files.writeString(target, "#!/bin/sh\nexec sleep 120\n");
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Makes the fake kernel report {@code state} with {@code ops} registered, or none if null. */
    void kernelState(String state, String ops) throws IOException {
        schedExt.report(state, Optional.ofNullable(ops));
    }

    String kernelState() throws IOException {
        return schedExt.state();
    }

    /**
     * A captured proc or sched_ext directory of the monitor's tests in schedcp-core (see the README.md there),
     * such as {@code lab} or {@code sched_ext}.
     */
    static Path monitorCapture(String name) {
        return Path.of(System.getProperty("schedcp.project.dir", ".."))
                .resolve("schedcp-core/src/test/resources/io/schedcp/core/monitor")
                .resolve(name)
                .toAbsolutePath()
                .normalize();
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("SCHEDCP_HOME", home.toString());
        env.put("SCHEDCP_SCHED_EXT_DIR", sysfs.toString());
        env.put("SCHEDCP_SCX_PATH", scxBin.toString());
        // No daemon: a test that wants one sets this to its socket; a daemon of the host is never reached.
        env.put("SCHEDCP_DAEMON_SOCKET", home.resolve("no-daemon.sock").toString());
        env.put("PATH", "/usr/bin:/bin");
        return env;
    }

    /** What a command run in-process printed and returned. */
    record Result(int code, String out, String err) {}

    /** Runs the CLI in-process with {@link #environment()}, against this fixture's home. */
    Result run(String... args) {
        return run(environment(), args);
    }

    /** Runs the CLI in-process with {@code env}, against this fixture's home. */
    Result run(Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        return run(managers(env), env, err, args);
    }

    /**
     * The managers the in-process CLI builds: real providers, programs run directly, and as the holders of a
     * scheduler it did not start, {@link #foreignOwners}.
     */
    Function<ManagerSettings, SchedulerManager> managers(Map<String, String> env) {
        SchedcpConfig config = new SchedcpConfig(home, env);
        return settings -> SchedulerManager.builder()
                .config(config)
                .settings(settings)
                .foreignOwners(() -> List.copyOf(foreignOwners))
                .launcher(new PrivilegedLauncher(Privilege.direct()))
                .build();
    }

    /** As {@link #run(Map, String...)} with the managers of {@code factory}; stderr goes to {@code err} as it comes. */
    Result run(
            Function<ManagerSettings, SchedulerManager> factory,
            Map<String, String> env,
            StringWriter err,
            String... args) {
        CliContext context = new CliContext(new SchedcpConfig(home, env), factory, slo, policy);
        StringWriter out = new StringWriter();
        int code = Main.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
