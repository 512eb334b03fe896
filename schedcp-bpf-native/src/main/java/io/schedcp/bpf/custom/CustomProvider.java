package io.schedcp.bpf.custom;

import io.schedcp.api.Availability;
import io.schedcp.api.ErrorDetail.CustomNotRunnable;
import io.schedcp.api.ErrorDetail.CustomNotRunnable.Why;
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
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;

/**
 * The provider of custom schedulers: those stored under {@code ~/.schedcp/custom}, offered as
 * {@code custom:NAME}. One that passed verification is available; its program is this library's
 * {@link LoaderMain} in a JVM of its own, which loads and attaches the stored BPF object.
 */
public final class CustomProvider implements SchedulerProvider {

    public static final String ID = "custom";

    private CustomStore store;
    private ProviderContext context;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ProviderContext context) {
        this.context = context;
        this.store = new CustomStore(context.home());
    }

    @Override
    public List<SchedulerDescriptor> schedulers() {
        return store().list().stream().map(CustomProvider::descriptor).toList();
    }

    static SchedulerDescriptor descriptor(CustomScheduler scheduler) {
        CustomMeta meta = scheduler.meta();
        DescriptorFields fields = meta.fields();
        return new SchedulerDescriptor(
                meta.name(),
                ID,
                meta.opsName(),
                false,
                fields.description(),
                fields.algorithm(),
                fields.useCases(),
                fields.characteristics(),
                List.of(),
                fields.limitations(),
                fields.performanceProfile(),
                Requirements.NONE);
    }

    @Override
    public Availability availability(String schedulerName) {
        CustomScheduler scheduler = store().require(schedulerName);
        if (!Files.isRegularFile(scheduler.object())) {
            return Availability.unavailable(
                    "its BPF object " + scheduler.object() + " is missing",
                    new CustomNotRunnable(schedulerName, Why.OBJECT_MISSING));
        }
        VerificationResult verification = scheduler.meta().verification();
        if (verification == null) {
            return Availability.unavailable(
                    "it has not been verified yet", new CustomNotRunnable(schedulerName, Why.NOT_VERIFIED));
        }
        if (!verification.passed()) {
            return Availability.unavailable(
                    "its last verification failed (" + verification.stage() + "): " + verification.reason(),
                    new CustomNotRunnable(schedulerName, Why.FAILED_VERIFICATION));
        }
        return Availability.available();
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        String name = request.scheduler().name();
        if (!request.args().isEmpty()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    CustomName.qualified(name) + " takes no arguments; set its options "
                            + "in the source (const volatile variables) and create it again");
        }
        if (availability(name) instanceof Availability.Unavailable unavailable) {
            throw unavailable.refusal(CustomName.qualified(name) + " cannot run: " + unavailable.reason());
        }
        CustomScheduler scheduler = store().require(name);
        List<String> command = JavaCommand.of(
                LoaderMain.class, List.of(name, scheduler.object().toString()));
        return context.launcher().launch(ProcessLauncher.Spec.of(name, command));
    }

    private CustomStore store() {
        return Objects.requireNonNull(store, "CustomProvider used before initialize()");
    }
}
