package io.schedcp.mcp;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.bpf.custom.BpfCompiler;
import io.schedcp.bpf.custom.CustomProvider;
import io.schedcp.bpf.custom.CustomSchedulers;
import io.schedcp.bpf.custom.CustomStore;
import io.schedcp.bpf.custom.CustomVerifier;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.kernel.StructOpsOwners;
import io.schedcp.core.manager.ManagerSettings;
import io.schedcp.core.manager.SchedulerManager;
import io.schedcp.core.monitor.Monitors;
import io.schedcp.core.monitor.SystemReader;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.testkit.jsonrpc.JsonRpcClient;
import io.schedcp.testkit.jsonrpc.PipedConnection;
import io.schedcp.testkit.kernel.FakeSchedExt;
import io.schedcp.testkit.kernel.FakeSchedulerProgram;
import io.schedcp.testkit.provider.FakeProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A host for the MCP tests, in a temp directory: the test kit's fake /sys/kernel/sched_ext and its fake
 * provider, whose schedulers play the kernel's part in it, a fake clang, and a verifier whose process only
 * reports the verdict the test chose. The manager and the custom-scheduler objects are the library's own.
 */
public final class FakeHost implements AutoCloseable {

    /** A custom scheduler's source that passes the source checks; the fake clang compiles it. */
    public static final String TINY_SOURCE = """
            #include <scx/common.bpf.h>
            char _license[] SEC("license") = "GPL";
            UEI_DEFINE(uei);
            void BPF_STRUCT_OPS(tiny_enqueue, struct task_struct *p, u64 enq_flags)
            {
                scx_bpf_dsq_insert(p, SCX_DSQ_GLOBAL, SCX_SLICE_DFL, enq_flags);
            }
            void BPF_STRUCT_OPS(tiny_exit, struct scx_exit_info *ei)
            {
                UEI_RECORD(uei, ei);
            }
            SCX_OPS_DEFINE(tiny_ops, .name = "tiny", .enqueue = (void *)tiny_enqueue, .exit = (void *)tiny_exit);
            """;

    public final Path home;
    public final Path sysfs;
    public final SchedulerManager manager;
    public final CustomSchedulers customSchedulers;
    public final CustomVerifier customVerifier;
    public final WorkloadStore workloads;
    public final Monitors monitors;
    /** No scx_slo runs on this host. */
    public final FakeSloControl slo = FakeSloControl.notRunning();
    /** The scx_userspace the policy tool reaches: running the strategies policy, with an empty book. */
    public final FakePolicyControl policy = FakePolicyControl.running("strategies");
    /** The programs that hold a scheduler the manager did not start, as the manager sees them. */
    public final List<StructOpsOwners.Owner> foreignOwners = new CopyOnWriteArrayList<>();

    private final FakeSchedExt kernel;
    private final Path program;
    private final PrivilegedLauncher launcher = new PrivilegedLauncher(Privilege.direct());
    private volatile boolean verificationPasses = true;
    private volatile DaemonFinder daemon = DaemonFinder.none();

    public FakeHost(Path temp) {
        try {
            home = Files.createDirectories(temp.resolve("home"));
            kernel = FakeSchedExt.in(temp);
            sysfs = kernel.directory();
            program = FakeSchedulerProgram.installAt(temp.resolve("fake-scheduler.sh"));
            Path clang = copy("/fake-clang.sh", temp.resolve("fake-clang.sh"));
            clang.toFile().setExecutable(true);
            manager = newManager(() -> List.copyOf(foreignOwners));
            workloads = new WorkloadStore(home);
            monitors = new Monitors(() -> new SystemReader(Path.of("/proc"), sysfs));
            CustomStore store = new CustomStore(home);
            customSchedulers = new CustomSchedulers(store, () -> new BpfCompiler(clang, List.of("-O2")), "6.12-test");
            customVerifier = new CustomVerifier(store, new SchedExtReader(sysfs), this::verify, () -> {
                throw new SchedcpException(Kind.UNAVAILABLE, "the tests have no kernel lab");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Another manager over this host's kernel and schedulers, as another process (such as a schedcp daemon) has
     * its own: what it starts, this host's manager sees as a foreign scheduler. The caller closes it.
     */
    public SchedulerManager newManager() {
        return newManager(List::of);
    }

    private SchedulerManager newManager(Supplier<List<StructOpsOwners.Owner>> foreign) {
        SchedcpConfig config = new SchedcpConfig(home, Map.of("SCHEDCP_SCHED_EXT_DIR", sysfs.toString()));
        return SchedulerManager.builder()
                .config(config)
                .discoverProviders(false)
                .loadPlugins(false)
                .provider(new FakeProvider(program, kernel))
                .provider(new CustomProvider())
                .launcher(launcher)
                .foreignOwners(foreign)
                .settings(new ManagerSettings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(20)))
                .build();
    }

    /** From now on the tools look for a schedcp daemon with {@code finder}; by default there is none. */
    public void daemon(DaemonFinder finder) {
        daemon = finder;
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = FakeHost.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }

    public ToolContext context(Runnable catalogChanged) {
        return new ToolContext(
                manager, customSchedulers, customVerifier, catalogChanged, workloads, monitors, slo, policy, daemon);
    }

    public SchedcpMcpServer.Builder server() {
        return SchedcpMcpServer.builder()
                .manager(manager)
                .custom(customSchedulers, customVerifier)
                .workloads(workloads)
                .monitors(monitors)
                .slo(slo)
                .policy(policy)
                .daemon(daemon)
                .version("test");
    }

    /**
     * A server serving this host over pipes, as a client sees one over stdio, and its client, not yet
     * initialized. The test closes the server. Package-private, as the kit's client is not part of this
     * module's exported API.
     */
    PipedServer serveOverPipes(boolean readOnly) {
        PipedConnection pipes = new PipedConnection();
        SchedcpMcpServer server = server().readOnly(readOnly)
                .input(pipes.serverInput())
                .output(pipes.serverOutput())
                .start();
        return new PipedServer(server, pipes.client());
    }

    /** A server this host serves over pipes, and the client at their other ends. */
    record PipedServer(SchedcpMcpServer server, JsonRpcClient client) {}

    public String kernelState() throws IOException {
        return kernel.state();
    }

    /** Runs a fake scheduler as another program would, outside the manager, until the kernel reports it enabled. */
    public Process startForeign(String ops) throws IOException, InterruptedException {
        Process other = kernel.startForeign(program, ops);
        foreignOwners.add(new StructOpsOwners.Owner(other.pid(), "scx_" + ops));
        return other;
    }

    /** From now on the kernel has no sched_ext. */
    public void removeSchedExt() throws IOException {
        kernel.remove();
    }

    public void verificationPasses(boolean passes) {
        verificationPasses = passes;
    }

    /** The verifying process: says what it does, then prints the verdict line as VerifyMain would. */
    private SchedulerHandle verify(ProcessLauncher.Spec spec) {
        List<String> command = spec.command();
        String name = command.get(command.size() - 3);
        String ops = command.get(command.size() - 2);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.put("ops_name", ops);
        result.put("passed", verificationPasses);
        result.put("where", "host");
        result.put("kernel", "6.12-test");
        result.put("seconds_requested", 10);
        result.put("seconds_ran", verificationPasses ? 10.0 : 1.5);
        result.put("stage", verificationPasses ? "none" : "run");
        result.put("reason", verificationPasses ? "" : "the kernel disabled it: runnable task stall");
        result.put("details", verificationPasses ? List.of() : List.of("SCX_EXIT_ERROR_STALL: a task waited 30 s"));
        result.put("load_millis", 12);
        result.put("enable_millis", 3);
        result.put("at", "2026-01-01T00:00:00Z");
        String line = "schedcp-verify-result " + JsonMapper.shared().writeValueAsString(result);
        String script = "echo 'schedcp-verify: loading " + name + "'; echo 'schedcp-verify: enabled, running the "
                + "workload'; echo '" + line + "'";
        return launcher.launch(new ProcessLauncher.Spec(
                spec.schedulerName(), List.of("/bin/sh", "-c", script), Map.of(), Optional.empty()));
    }

    /** Stops what the manager runs. */
    @Override
    public void close() {
        monitors.close();
        manager.close();
    }
}
