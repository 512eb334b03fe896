package io.schedcp.userspace.agent;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.bpf.libbpf.GlobalData;
import io.schedcp.bpf.scx.BundledObjectBuilder;
import io.schedcp.bpf.scx.ScxObject;
import io.schedcp.bpf.scx.UserExitInfo;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.userspace.control.BookControl;
import io.schedcp.userspace.control.PolicyControl;
import io.schedcp.userspace.control.PolicyServer;
import io.schedcp.userspace.control.PolicySocket;
import io.schedcp.userspace.control.PolicyStatus;
import io.schedcp.userspace.stats.UserspaceStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * scx_userspace's agent, the scheduler's program as the userspace provider starts it, in a JVM of its own:
 * creates the policy, compiles (once) and loads the BPF scheduler with this process's id as the agent's (so its
 * threads bypass the policy), maps the two rings, attaches, and runs the decision loop on a thread of its own
 * until this process is told to stop (SIGINT or SIGTERM) or the kernel disables the scheduler. Once attached it
 * serves its status and strategies on its control socket ({@link PolicyServer}), which it closes as it stops. Should the
 * process die otherwise, the kernel detaches the scheduler itself, because the link's file descriptor closes.
 *
 * <pre>UserspaceMain HOME [scx_userspace's flags]</pre>
 * Exit status: 0 stopped on request, 2 disabled by the kernel, 3 did not load, 4 did not attach, 5 the policy
 * was refused, 64 bad usage.
 */
public final class UserspaceMain {

    static final int EJECTED = 2;
    static final int NOT_LOADED = 3;
    static final int NOT_ATTACHED = 4;
    static final int BAD_POLICY = 5;
    static final int USAGE = 64;
    private static final long TICK_MILLIS = 200;
    private static final int REPORT_TICKS = 25;

    private UserspaceMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: UserspaceMain HOME [--policy NAME ...]");
            System.exit(USAGE);
        }
        UserspaceArgs flags;
        try {
            flags = UserspaceArgs.parse(Arrays.asList(args).subList(1, args.length));
        } catch (SchedcpException e) {
            say(e.getMessage());
            System.exit(USAGE);
            return;
        }
        System.exit(run(Path.of(args[0]), flags));
    }

    static int run(Path home, UserspaceArgs flags) throws InterruptedException {
        int cpus = Runtime.getRuntime().availableProcessors();
        // The home schedcp gave (under sudo this process's own would be root's), the variables of this process.
        SchedcpConfig config =
                new SchedcpConfig(home, SchedcpConfig.fromEnvironment().environment());
        Policies policies = new Policies(config.pluginDirectories());
        SchedulingPolicy policy;
        try {
            policy = policies.create(flags, new PolicyContext(cpus, flags.sliceUs() * 1000, flags.policyOptions()));
        } catch (SchedcpException e) {
            say("the policy was refused, nothing was loaded: " + e.getMessage());
            return BAD_POLICY;
        }
        ScxObject scx;
        try {
            BundledObjectBuilder.Built built =
                    UserspaceObjects.builder(home, config.environment()).build();
            built.compiledIn()
                    .ifPresent(took -> say("compiled " + UserspaceLayout.SCHEDULER + " for this kernel in "
                            + took.toMillis() + " ms into " + built.object()));
            scx = ScxObject.open(built.object());
            setOptions(scx.bpf().globals(".rodata"), flags);
            scx.load();
        } catch (SchedcpException e) {
            say(UserspaceLayout.SCHEDULER + " did not load: " + e.getMessage());
            return NOT_LOADED;
        }
        UserspaceStatsReader stats = new UserspaceStatsReader(scx.bpf());
        AgentLoop loop = AgentLoop.start(scx.bpf(), policy);
        AtomicBoolean stopping = new AtomicBoolean();
        try {
            scx.bpf().globals(".bss").writeInt("loop_tid", loop.threadId());
            scx.attach();
        } catch (SchedcpException e) {
            loop.stop();
            say(UserspaceLayout.SCHEDULER + " did not attach: " + e.getMessage() + exitText(scx.exitInfo()));
            scx.close();
            return NOT_ATTACHED;
        }
        Path socket = flags.socket().orElse(PolicySocket.in(home));
        PolicyServer server;
        try {
            server = PolicyServer.start(control(flags, policies, stats, loop), socket);
        } catch (SchedcpException e) {
            scx.detach();
            loop.stop();
            scx.close();
            say(UserspaceLayout.SCHEDULER + " detached: its control socket did not start: " + e.getMessage());
            return NOT_ATTACHED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stopping.set(true);
                    server.close();
                    scx.detach();
                    loop.stop();
                    say(summary(flags, stats) + "; " + loop.describe());
                    say(UserspaceLayout.SCHEDULER + " detached on request; the kernel is back on its default "
                            + "scheduler");
                    stopped.countDown();
                },
                "schedcp-userspace-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        say(UserspaceLayout.SCHEDULER + " attached (struct_ops map " + scx.opsMapName() + "), policy " + flags.policy()
                + ", agent pid " + ProcessHandle.current().pid() + ", control socket " + socket);
        for (long tick = 1; ; tick++) {
            if (stopping.get()) {
                stopped.await(30, TimeUnit.SECONDS);
                return 0;
            }
            Optional<UserExitInfo> exit = scx.exitInfo();
            if (exit.isPresent() && exit.get().exited() && !stopping.get()) {
                stopping.set(true);
                Runtime.getRuntime().removeShutdownHook(hook);
                server.close();
                loop.stop();
                say("the kernel disabled " + UserspaceLayout.SCHEDULER + ": "
                        + exit.get().describe() + " [" + exit.get().kindName() + "]; " + summary(flags, stats));
                return EJECTED;
            }
            if (tick % REPORT_TICKS == 0) {
                say(summary(flags, stats) + "; " + loop.describe());
            }
            Thread.sleep(TICK_MILLIS);
        }
    }

    /** What the control socket serves: the book the policy was built with, and the figures read when asked. */
    private static PolicyControl control(
            UserspaceArgs flags, Policies policies, UserspaceStatsReader stats, AgentLoop loop) {
        return new BookControl(
                flags.policy(),
                policies.book(),
                () -> PolicyStatus.of(
                        UserspaceStatus.of(flags.policy(), stats.counters(), stats.roundTrips()), loop.stats()));
    }

    static PolicyContext policyContext(UserspaceArgs flags) {
        return new PolicyContext(
                Runtime.getRuntime().availableProcessors(), flags.sliceUs() * 1000, flags.policyOptions());
    }

    /** The options BPF enforces whatever the policy does, and the agent's process id. */
    private static void setOptions(GlobalData rodata, UserspaceArgs flags) {
        rodata.writeInt("agent_tgid", (int) ProcessHandle.current().pid());
        rodata.writeLong("slice_ns", flags.sliceUs() * 1000);
        rodata.writeLong("stall_ns", flags.stallMs() * 1_000_000);
        rodata.writeLong("priority_budget_ns", flags.priorityBudgetMs() * 1_000_000);
        rodata.write("preempt_for_agent", new byte[] {(byte) (flags.agentPreempt() ? 1 : 0)});
    }

    static String summary(UserspaceArgs flags, UserspaceStatsReader stats) {
        UserspaceStatus status = UserspaceStatus.of(flags.policy(), stats.counters(), stats.roundTrips());
        var c = status.counters();
        return "stats: queued=" + c.queued() + " user_dispatched=" + c.userDispatched() + " fallback=" + c.fallback()
                + " cancelled=" + c.cancelled() + " failed=" + c.failed() + " direct=" + c.direct() + " demoted="
                + c.demoted() + " stalls=" + c.stalls() + " ring_full=" + c.ringFull() + " rtt_p50_us="
                + micros(status.rttP50Ns()) + " rtt_p99_us=" + micros(status.rttP99Ns()) + " rtt_p999_us="
                + micros(status.rttP999Ns());
    }

    private static String micros(long ns) {
        return String.format(java.util.Locale.ROOT, "%.1f", ns / 1000.0);
    }

    private static String exitText(Optional<UserExitInfo> exit) {
        return exit.filter(UserExitInfo::exited)
                .map(e -> "; the scheduler reported: " + e.describe())
                .orElse("");
    }

    static void say(String line) {
        System.out.println("schedcp-userspace: " + line);
        System.out.flush();
    }

    /** The arguments that run the agent for {@code flags}, with the home's socket when none is given. */
    static List<String> arguments(Path home, UserspaceArgs flags) {
        List<String> args = new ArrayList<>();
        args.add(home.toAbsolutePath().toString());
        args.addAll(flags.toList(PolicySocket.in(home)));
        return args;
    }
}
