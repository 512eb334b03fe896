package io.schedcp.slo.agent;

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
import io.schedcp.core.process.JavaCommand;
import io.schedcp.slo.cgroup.CgroupTree;
import io.schedcp.slo.config.SloConfigReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider of scx_slo, schedcp's own SLO scheduler: {@code schedcp run scx_slo -- --config FILE}. It
 * checks the flags, the config and its cgroups before anything is started, so a bad config is refused with
 * its line and nothing reaches the kernel; then it runs {@link SloMain} in a JVM of its own as the scheduler's
 * program.
 */
public final class SloProvider implements SchedulerProvider {

    public static final String ID = "slo";
    public static final String NAME = "scx_slo";
    static final String OPS_NAME = "slo";

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
                NAME,
                ID,
                OPS_NAME,
                false,
                "schedcp's SLO scheduler: each configured cgroup is promised a wake-up-to-running latency "
                        + "budget, and every deadline miss is counted and reported (schedcp slo status).",
                "Earliest deadline first: a waking task's deadline is its wake-up time plus the budget of its "
                        + "nearest configured ancestor cgroup (others get a default budget scaled by weight); one "
                        + "shared queue by deadline, idle CPUs first, preemption of a CPU running a later deadline.",
                List.of(
                        "latency SLOs for chosen cgroups on an oversubscribed machine",
                        "finding out how often a latency budget is missed",
                        "interactive or request-serving groups beside batch work"),
                "Per-cgroup budgets changed live (config edit or schedcp slo set); per-group runs, misses, "
                        + "lateness, wake-to-run histogram and CPU time; a capped CPU share per group.",
                List.of(),
                "One shared queue (a lock point on large machines); needs cgroup v2; the BPF object is compiled "
                        + "at first start with the toolchain of bpf/setup.sh.",
                "Low, bounded wake-up latency for configured groups; batch throughput close to the default "
                        + "scheduler's (see docs/slo.md for the lab figures).",
                new Requirements(
                        Optional.empty(),
                        "",
                        true,
                        List.of("a config file: schedcp run scx_slo -- --config FILE (docs/slo.md)")));
    }

    @Override
    public Availability availability(String schedulerName) {
        requireName(schedulerName);
        return builder().whyUnavailable().map(Availability::unavailable).orElse(Availability.available());
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        requireName(request.scheduler().name());
        SloArgs flags = SloArgs.parse(request.args());
        CgroupTree.system().resolve(SloConfigReader.read(flags.config()));
        if (availability(NAME) instanceof Availability.Unavailable unavailable) {
            throw unavailable.refusal(NAME + " cannot run: " + unavailable.reason());
        }
        List<String> command =
                JavaCommand.of(SloMain.class, SloMain.arguments(context().home(), flags));
        return context().launcher().launch(ProcessLauncher.Spec.of(NAME, command));
    }

    private SloObjectBuilder builder() {
        return SloObjects.builder(context().home(), context().environment());
    }

    private static void requireName(String name) {
        if (!NAME.equals(name)) {
            throw new SchedcpException(Kind.NOT_FOUND, "the SLO provider has only " + NAME + ", not " + name);
        }
    }

    private ProviderContext context() {
        return Objects.requireNonNull(context, "SloProvider used before initialize()");
    }
}
