package io.schedcp.core.scx;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import io.schedcp.core.ConfigVariable;
import io.schedcp.core.SchedcpConfig;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The built-in provider of the sched_ext schedulers of the scx project and of the kernel's
 * tools/sched_ext: their catalog, where their binaries are, and starting them as programs.
 */
public final class ScxProvider implements SchedulerProvider {

    public static final String ID = "scx";
    static final String CATALOG_RESOURCE = "catalog.json";

    private final Map<String, CatalogEntry> catalog;
    private ProviderContext context;
    private BinaryLocator locator;

    /** The provider over the bundled catalog. */
    public ScxProvider() {
        this(loadBundledCatalog());
    }

    public ScxProvider(List<CatalogEntry> entries) {
        Map<String, CatalogEntry> byName = new LinkedHashMap<>();
        entries.forEach(e -> byName.put(e.descriptor().name(), e));
        this.catalog = byName;
    }

    public static List<CatalogEntry> loadBundledCatalog() {
        InputStream in = ScxProvider.class.getResourceAsStream(CATALOG_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the bundled scheduler catalog " + CATALOG_RESOURCE + " is missing");
        }
        return new CatalogReader(ID).read(in, "bundled " + CATALOG_RESOURCE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ProviderContext context) {
        this.context = context;
        Map<String, String> env = context.environment();
        SchedcpConfig config = new SchedcpConfig(context.home(), env);
        this.locator =
                BinaryLocator.of(config.pathList(ConfigVariable.SCX_PATH), context.home(), config.pathList("PATH"));
    }

    @Override
    public List<SchedulerDescriptor> schedulers() {
        return catalog.values().stream().map(CatalogEntry::descriptor).collect(Collectors.toList());
    }

    /** The catalog entry of {@code name}, with its binary name and origin. */
    public CatalogEntry entry(String name) {
        CatalogEntry entry = catalog.get(name);
        if (entry == null) {
            throw new SchedcpException(SchedcpException.Kind.NOT_FOUND, "the scx catalog has no scheduler " + name);
        }
        return entry;
    }

    @Override
    public Availability availability(String schedulerName) {
        CatalogEntry entry = entry(schedulerName);
        if (locator().find(entry.binary()).isPresent()) {
            return Availability.available();
        }
        return Availability.unavailable(entry.binary() + " is not installed: no executable named " + entry.binary()
                + " in SCHEDCP_SCX_PATH, " + context.home().resolve("scxbin") + " or PATH; install the scx "
                + "schedulers (or run bpf/setup.sh for the kernel's C reference schedulers), or point "
                + "SCHEDCP_SCX_PATH at the directory that holds it");
    }

    @Override
    public SchedulerHandle start(StartRequest request) {
        CatalogEntry entry = entry(request.scheduler().name());
        Path binary = locator()
                .find(entry.binary())
                .orElseThrow(() -> new SchedcpException(
                        SchedcpException.Kind.UNAVAILABLE,
                        ((Availability.Unavailable)
                                        availability(entry.descriptor().name()))
                                .reason()));
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(request.args());
        return context.launcher()
                .launch(ProcessLauncher.Spec.of(entry.descriptor().name(), command));
    }

    private BinaryLocator locator() {
        return Objects.requireNonNull(locator, "ScxProvider used before initialize()");
    }
}
