package io.schedcp.slo.agent;

import io.schedcp.api.SchedcpException;
import io.schedcp.bpf.libbpf.RingBufferReader;
import io.schedcp.bpf.scx.BundledObjectBuilder;
import io.schedcp.bpf.scx.ScxObject;
import io.schedcp.bpf.scx.UserExitInfo;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.slo.cgroup.CgroupTree;
import io.schedcp.slo.config.SloConfig;
import io.schedcp.slo.config.SloConfigReader;
import io.schedcp.slo.control.SloSocket;
import io.schedcp.slo.control.SloStatsServer;
import io.schedcp.slo.maps.MissEventView;
import io.schedcp.slo.stats.RecentMisses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * scx_slo's agent, the scheduler's program as the SLO provider starts it, in a JVM of its own: reads and
 * checks the config, compiles (once) and loads the BPF scheduler, writes the groups into its maps, attaches it,
 * then serves {@code schedcp slo} on its socket, takes each deadline miss off the ring buffer, applies each
 * edit of the config file, and keeps the scheduler attached until this process is told to stop (SIGINT or
 * SIGTERM) or the kernel disables it. Should the process die otherwise, the kernel detaches the scheduler
 * itself, because the link's file descriptor closes.
 *
 * <pre>SloMain HOME --config FILE --socket PATH</pre>
 * Exit status: 0 stopped on request, 2 disabled by the kernel, 3 did not load, 4 did not attach or serve,
 * 5 the config was refused, 64 bad usage.
 */
public final class SloMain {

    static final int EJECTED = 2;
    static final int NOT_LOADED = 3;
    static final int NOT_ATTACHED = 4;
    static final int BAD_CONFIG = 5;
    static final int USAGE = 64;
    static final int RECENT_MISSES = 64;
    private static final long TICK_MILLIS = 200;
    private static final int SAMPLE_TICKS = 5;

    private SloMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: SloMain HOME --config FILE --socket PATH");
            System.exit(USAGE);
        }
        SloArgs flags;
        try {
            flags = SloArgs.parse(Arrays.asList(args).subList(1, args.length));
        } catch (SchedcpException e) {
            say(e.getMessage());
            System.exit(USAGE);
            return;
        }
        System.exit(run(Path.of(args[0]), flags));
    }

    static int run(Path home, SloArgs flags) throws InterruptedException {
        Path configFile = flags.config();
        CgroupTree tree = CgroupTree.system();
        SloConfig config;
        try {
            config = SloConfigReader.read(configFile);
            tree.resolve(config);
        } catch (SchedcpException e) {
            say("the config was refused, nothing was loaded: " + e.getMessage());
            return BAD_CONFIG;
        }
        ScxObject scx;
        try {
            BundledObjectBuilder.Built built = SloObjects.builder(
                            home, SchedcpConfig.fromEnvironment().environment())
                    .build();
            built.compiledIn()
                    .ifPresent(took -> say(
                            "compiled scx_slo for this kernel in " + took.toMillis() + " ms into " + built.object()));
            scx = ScxObject.open(built.object());
            scx.load();
        } catch (SchedcpException e) {
            say("scx_slo did not load: " + e.getMessage());
            return NOT_LOADED;
        }
        RecentMisses misses = new RecentMisses(RECENT_MISSES);
        SloAgent agent = new SloAgent(
                new SloMaps(scx.bpf()), tree, misses, Runtime.getRuntime().availableProcessors());
        ConfigFileWatch watch = new ConfigFileWatch(configFile);
        try {
            agent.apply(config);
        } catch (SchedcpException e) {
            // The cgroups resolved a moment ago; one may have been removed since.
            say("the config was refused, nothing was attached: " + e.getMessage());
            scx.close();
            return BAD_CONFIG;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Thread events = missReader(scx, misses, stopping);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<SloStatsServer> server = new AtomicReference<>();
        Thread hook = new Thread(
                () -> {
                    stopping.set(true);
                    scx.detach();
                    SloStatsServer serving = server.get();
                    if (serving != null) {
                        serving.close();
                    }
                    say("scx_slo detached on request; the kernel is back on its default scheduler");
                    stopped.countDown();
                },
                "schedcp-slo-stop");
        try {
            scx.attach();
        } catch (SchedcpException e) {
            say("scx_slo did not attach: " + e.getMessage() + exitText(scx.exitInfo()));
            scx.close();
            return NOT_ATTACHED;
        }
        Runtime.getRuntime().addShutdownHook(hook);
        Path socket = flags.socket().orElseThrow();
        try {
            server.set(SloStatsServer.start(agent, socket));
        } catch (SchedcpException e) {
            say("scx_slo cannot serve its status: " + e.getMessage() + "; detaching it");
            Runtime.getRuntime().removeShutdownHook(hook);
            scx.detach();
            scx.close();
            return NOT_ATTACHED;
        }
        events.start();
        say("scx_slo attached (struct_ops map " + scx.opsMapName() + "), "
                + agent.groups().size() + " group(s) from " + configFile + "; schedcp slo status reads it on "
                + socket);
        for (long tick = 0; ; tick++) {
            if (stopping.get()) {
                stopped.await();
                return 0;
            }
            Optional<UserExitInfo> exit = scx.exitInfo();
            if (exit.isPresent() && exit.get().exited() && !stopping.get()) {
                say("the kernel disabled scx_slo: " + exit.get().describe() + " ["
                        + exit.get().kindName() + "]");
                stopping.set(true);
                Runtime.getRuntime().removeShutdownHook(hook);
                server.get().close();
                return EJECTED;
            }
            if (watch.changed()) {
                reload(agent, configFile);
            }
            if (tick % SAMPLE_TICKS == 0) {
                agent.sample();
            }
            Thread.sleep(TICK_MILLIS);
        }
    }

    private static void reload(SloAgent agent, Path configFile) {
        try {
            agent.apply(SloConfigReader.read(configFile));
            say("applied the edit of " + configFile + ": " + agent.groups().size() + " group(s)");
        } catch (SchedcpException e) {
            say("the edit of " + configFile + " was refused, scx_slo goes on as it was: " + e.getMessage());
        }
    }

    private static Thread missReader(ScxObject scx, RecentMisses misses, AtomicBoolean stopping) {
        MissEventView view = new MissEventView();
        RingBufferReader reader = RingBufferReader.open(
                scx.bpf().map("events"), record -> view.wrap(record).addTo(misses));
        Thread thread = new Thread(
                () -> {
                    while (!stopping.get()) {
                        reader.poll(Duration.ofMillis(100));
                    }
                },
                "schedcp-slo-events");
        thread.setDaemon(true);
        return thread;
    }

    private static String exitText(Optional<UserExitInfo> exit) {
        return exit.filter(UserExitInfo::exited)
                .map(e -> "; the scheduler reported: " + e.describe())
                .orElse("");
    }

    static void say(String line) {
        System.out.println("schedcp-slo: " + line);
        System.out.flush();
    }

    /** The arguments that run the agent for {@code flags}, with the home's socket when none is given. */
    static List<String> arguments(Path home, SloArgs flags) {
        List<String> args = new ArrayList<>();
        args.add(home.toAbsolutePath().toString());
        args.addAll(flags.toList(SloSocket.in(home)));
        return args;
    }
}
