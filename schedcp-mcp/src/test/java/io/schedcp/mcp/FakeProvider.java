package io.schedcp.mcp;

import io.schedcp.api.Availability;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers fake_a (production-ready), fake_b, both run by the fake scheduler script, and fake_missing, which
 * is not installed. A start's first flag picks the script's behaviour.
 */
final class FakeProvider implements SchedulerProvider {

    private final Path script;
    private final Path sysfs;
    private ProviderContext context;

    FakeProvider(Path script, Path sysfs) {
        this.script = script;
        this.sysfs = sysfs;
    }

    private static SchedulerDescriptor descriptor(String name, boolean production) {
        return new SchedulerDescriptor(name, "fake", name, production, "A fake scheduler for the MCP tests. It "
                + "plays the kernel's part in a directory.", "none", List.of("tests"), "", List.of(), "", "",
                Requirements.NONE);
    }

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public void initialize(ProviderContext context) {
        this.context = context;
    }

    @Override
    public List<SchedulerDescriptor> schedulers() {
        return List.of(descriptor("fake_a", true), descriptor("fake_b", false), descriptor("fake_missing", false));
    }

    @Override
    public Availability availability(String schedulerName) {
        return schedulerName.equals("fake_missing")
                ? Availability.unavailable("fake_missing is not installed; install it")
                : Availability.available();
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString(), sysfs.toString(),
                request.scheduler().opsName()));
        command.addAll(request.args());
        return context.launcher().launch(ProcessLauncher.Spec.of(request.scheduler().name(), command));
    }
}
