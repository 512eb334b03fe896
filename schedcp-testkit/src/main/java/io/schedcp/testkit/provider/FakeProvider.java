package io.schedcp.testkit.provider;

import io.schedcp.api.Availability;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import io.schedcp.testkit.kernel.FakeSchedExt;
import io.schedcp.testkit.kernel.FakeSchedulerProgram;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider whose schedulers are the fake scheduler program in a {@link FakeSchedExt}: fake_a
 * (production-ready) and fake_b, both runnable, fake_missing, which is not installed, and, if asked for,
 * fake_ejects, which the fake kernel ejects after half a second. A start's arguments are the program's flags,
 * so {@code --ignore-int} or {@code --fail} pick its behaviour.
 */
public final class FakeProvider implements SchedulerProvider {

    private final Path program;
    private final FakeSchedExt sysfs;
    private final String id;
    private final int rank;
    private final boolean offersEjecting;
    private ProviderContext context;

    /** The provider {@code fake}, of the default rank, running {@code program} in {@code sysfs}. */
    public FakeProvider(Path program, FakeSchedExt sysfs) {
        this(program, sysfs, "fake", DEFAULT_RANK, false);
    }

    private FakeProvider(Path program, FakeSchedExt sysfs, String id, int rank, boolean offersEjecting) {
        this.program = program;
        this.sysfs = sysfs;
        this.id = id;
        this.rank = rank;
        this.offersEjecting = offersEjecting;
    }

    /** The same schedulers under another provider id and rank, to test how the manager picks among providers. */
    public FakeProvider named(String otherId, int otherRank) {
        return new FakeProvider(program, sysfs, otherId, otherRank, offersEjecting);
    }

    /** The same, also offering fake_ejects. */
    public FakeProvider withEjectingScheduler() {
        return new FakeProvider(program, sysfs, id, rank, true);
    }

    private SchedulerDescriptor descriptor(String name, boolean productionReady) {
        return new SchedulerDescriptor(
                name,
                id,
                name,
                productionReady,
                "A fake scheduler for tests. It plays the " + "kernel's part in a directory.",
                "none",
                List.of("tests"),
                "",
                List.of(),
                "",
                "",
                Requirements.NONE);
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
        List<SchedulerDescriptor> offered = new ArrayList<>(
                List.of(descriptor("fake_a", true), descriptor("fake_b", false), descriptor("fake_missing", false)));
        if (offersEjecting) {
            offered.add(descriptor("fake_ejects", false));
        }
        return offered;
    }

    @Override
    public Availability availability(String schedulerName) {
        return schedulerName.equals("fake_missing")
                ? Availability.unavailable("fake_missing is not installed; install it")
                : Availability.available();
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        List<String> flags = request.args();
        if (request.scheduler().name().equals("fake_ejects") && flags.isEmpty()) {
            flags = List.of("--ejected");
        }
        return context.launcher()
                .launch(ProcessLauncher.Spec.of(
                        request.scheduler().name(),
                        FakeSchedulerProgram.command(
                                program, sysfs, request.scheduler().opsName(), flags)));
    }
}
