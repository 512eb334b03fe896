package io.schedcp.userspace.agent;

import io.schedcp.api.Availability;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import io.schedcp.bpf.scx.BundledObjectBuilder;
import io.schedcp.core.ConfigVariable;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.process.JavaCommand;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider of scx_userspace, whose scheduling decisions a Java policy makes: {@code schedcp run
 * scx_userspace -- --policy NAME}. It checks the flags before anything starts, then runs {@link UserspaceMain}
 * in a JVM of its own as the scheduler's program.
 */
public final class UserspaceProvider implements SchedulerProvider {

    public static final String ID = "userspace";

    private ProviderContext context;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ProviderContext context) {
        this.context = context;
    }

    @Override
    public List<SchedulerDescriptor> schedulers() {
        return List.of(descriptor());
    }

    static SchedulerDescriptor descriptor() {
        return new SchedulerDescriptor(
                UserspaceLayout.SCHEDULER,
                ID,
                UserspaceLayout.OPS_NAME,
                false,
                "schedcp's userspace-policy scheduler: BPF hands each runnable task to a Java policy through a "
                        + "ring buffer and applies its decision; policies are plugins (fair, fifo, strategies).",
                "Each task that becomes runnable is sent to the agent with its weight, vtime, runtime since it "
                        + "slept, cgroup and command; the policy picks a CPU or the shared queue (ordered by the "
                        + "vtime it gives, priority first) and a slice; stale decisions are cancelled.",
                List.of(
                        "writing and trying a CPU scheduling policy in Java",
                        "per-process or per-pod priorities and slices changed live (strategies)",
                        "experiments that need a policy's whole state in user space"),
                "Decisions in Java at ring-buffer speed; the agent's own threads never wait on the policy; BPF "
                        + "dispatches first in first out if the JVM stalls (a GC pause); a starvation guard "
                        + "bounds priority.",
                List.of(),
                "One shared queue; every decision takes a round trip to user space, which costs latency under "
                        + "emulation; the BPF object is compiled at first start with the toolchain of bpf/setup.sh.",
                "hackbench time on a par with scx_userland, the kernel's C reference (see docs/policies.md for "
                        + "the lab figures).",
                new Requirements(Optional.empty(), "", true, List.of()));
    }

    @Override
    public Availability availability(String schedulerName) {
        requireName(schedulerName);
        return builder().whyUnavailable().map(Availability::unavailable).orElse(Availability.available());
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        requireName(request.scheduler().name());
        UserspaceArgs flags = UserspaceArgs.parse(request.args());
        // The policy and its options are checked here too, so that a bad one is refused before anything starts.
        SchedcpConfig config = new SchedcpConfig(context().home(), context().environment());
        new Policies(config.pluginDirectories())
                .create(flags, UserspaceMain.policyContext(flags))
                .close();
        if (availability(UserspaceLayout.SCHEDULER) instanceof Availability.Unavailable unavailable) {
            throw unavailable.refusal(UserspaceLayout.SCHEDULER + " cannot run: " + unavailable.reason());
        }
        List<String> command = JavaCommand.of(
                UserspaceMain.class, UserspaceMain.arguments(context().home(), flags));
        return context().launcher().launch(agentSpec(command, config));
    }

    /**
     * The agent's process: {@code command}, with {@code SCHEDCP_PLUGIN_PATH} when {@code config} has it, because
     * sudo resets the environment and the agent must find the policy plugins where the check above found them (the
     * home is one of its arguments).
     */
    static ProcessLauncher.Spec agentSpec(List<String> command, SchedcpConfig config) {
        Map<String, String> environment = config.value(ConfigVariable.PLUGIN_PATH)
                .map(path -> Map.of(ConfigVariable.PLUGIN_PATH.variable(), path))
                .orElse(Map.of());
        return new ProcessLauncher.Spec(UserspaceLayout.SCHEDULER, command, environment, Optional.empty());
    }

    private BundledObjectBuilder builder() {
        return UserspaceObjects.builder(context().home(), context().environment());
    }

    private static void requireName(String name) {
        if (!UserspaceLayout.SCHEDULER.equals(name)) {
            throw new SchedcpException(
                    Kind.NOT_FOUND, "the userspace provider has only " + UserspaceLayout.SCHEDULER + ", not " + name);
        }
    }

    private ProviderContext context() {
        return Objects.requireNonNull(context, "UserspaceProvider used before initialize()");
    }
}
