package io.schedcp.core.manager;

import io.schedcp.api.Availability;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers fake_a, fake_b (both runnable through the fake scheduler script), fake_ejects (which the fake kernel
 * ejects after half a second) and fake_missing (unavailable).
 * The first start argument picks the script's behaviour.
 */
public final class FakeProvider implements SchedulerProvider {

    private final FakeKernel kernel;
    private final String id;
    private final int rank;
    private ProviderContext context;

    public FakeProvider(FakeKernel kernel) {
        this(kernel, "fake", DEFAULT_RANK);
    }

    FakeProvider(FakeKernel kernel, String id, int rank) {
        this.kernel = kernel;
        this.id = id;
        this.rank = rank;
    }

    static SchedulerDescriptor descriptor(String name, String provider) {
        return new SchedulerDescriptor(name, provider, name, false, "A fake scheduler for tests.", "none",
                List.of("tests"), "", List.of(), "", "", Requirements.NONE);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public void initialize(ProviderContext context) {
        this.context = context;
    }

    @Override
    public List<SchedulerDescriptor> schedulers() {
        return List.of(descriptor("fake_a", id), descriptor("fake_b", id), descriptor("fake_missing", id),
                descriptor("fake_ejects", id));
    }

    @Override
    public Availability availability(String schedulerName) {
        return schedulerName.equals("fake_missing")
                ? Availability.unavailable("fake_missing is not installed; install it")
                : Availability.available();
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", kernel.script.toString(), kernel.sysfs.toString(),
                request.scheduler().opsName()));
        command.addAll(request.args());
        if (request.scheduler().name().equals("fake_ejects") && request.args().isEmpty()) {
            command.add("ejected");
        }
        return context.launcher().launch(ProcessLauncher.Spec.of(request.scheduler().name(), command));
    }
}
