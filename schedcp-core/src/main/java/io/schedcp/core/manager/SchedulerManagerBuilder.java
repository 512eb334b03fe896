package io.schedcp.core.manager;

import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.kernel.StructOpsOwners;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.core.process.SignalSender;
import io.schedcp.core.provider.DefaultProviderContext;
import io.schedcp.core.provider.PluginLoader;
import io.schedcp.core.provider.Problems;
import io.schedcp.core.provider.ProviderDiscovery;
import io.schedcp.core.provider.ProviderRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Assembles a {@link SchedulerManager}. Providers come in this order, the first of each id kept: those
 * given with {@link #provider}, then those {@link java.util.ServiceLoader} finds beside schedcp, then the
 * plugins in the configured plugin directories.
 */
public final class SchedulerManagerBuilder {

    private SchedcpConfig config;
    private final List<SchedulerProvider> explicit = new ArrayList<>();
    private boolean discover = true;
    private boolean plugins = true;
    private ManagerSettings settings;
    private ProcessLauncher launcher;
    private Clock clock = Clock.systemUTC();
    private Supplier<List<StructOpsOwners.Owner>> owners;

    SchedulerManagerBuilder() {}

    /** Where to find things; {@link SchedcpConfig#fromEnvironment()} unless set. */
    public SchedulerManagerBuilder config(SchedcpConfig config) {
        this.config = Objects.requireNonNull(config);
        return this;
    }

    /** Adds a provider ahead of every discovered one. */
    public SchedulerManagerBuilder provider(SchedulerProvider provider) {
        explicit.add(Objects.requireNonNull(provider));
        return this;
    }

    /** Whether to look for providers with ServiceLoader (default true). */
    public SchedulerManagerBuilder discoverProviders(boolean discover) {
        this.discover = discover;
        return this;
    }

    /** Whether to load plugins from the plugin directories (default true). */
    public SchedulerManagerBuilder loadPlugins(boolean plugins) {
        this.plugins = plugins;
        return this;
    }

    /** The manager's timings; unless set, {@link ManagerSettings#from} the config (SCHEDCP_START_TIMEOUT). */
    public SchedulerManagerBuilder settings(ManagerSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        return this;
    }

    /** How providers run programs; by default as root according to {@link Privilege#detect}. */
    public SchedulerManagerBuilder launcher(ProcessLauncher launcher) {
        this.launcher = Objects.requireNonNull(launcher);
        return this;
    }

    /**
     * How to find the programs of a scheduler this manager did not start; by default the holders of a
     * struct_ops link in {@code /proc}.
     */
    public SchedulerManagerBuilder foreignOwners(Supplier<List<StructOpsOwners.Owner>> owners) {
        this.owners = Objects.requireNonNull(owners);
        return this;
    }

    public SchedulerManagerBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    public SchedulerManager build() {
        SchedcpConfig cfg = config != null ? config : SchedcpConfig.fromEnvironment();
        ManagerSettings timings = settings != null ? settings : ManagerSettings.from(cfg);
        Privilege privilege = launcher instanceof PrivilegedLauncher privileged
                ? privileged.privilege()
                : Privilege.detect(cfg.environment());
        ProcessLauncher processLauncher = launcher != null ? launcher : new PrivilegedLauncher(privilege);
        Problems problems = new Problems();
        List<SchedulerProvider> candidates = new ArrayList<>(explicit);
        if (discover) {
            candidates.addAll(ProviderDiscovery.builtIn(problems));
        }
        if (plugins) {
            candidates.addAll(new PluginLoader(problems).load(cfg.pluginDirectories()));
        }
        ProviderRegistry registry = new ProviderRegistry(
                candidates, new DefaultProviderContext(processLauncher, cfg.home(), cfg.environment()), problems);
        Supplier<List<StructOpsOwners.Owner>> ownerFinder =
                owners != null ? owners : new StructOpsOwners(Path.of("/proc"))::find;
        ForeignSchedulers foreign =
                new ForeignSchedulers(ownerFinder, new SignalSender(privilege), timings.stopStepTimeout());
        return new SchedulerManager(registry, new SchedExtReader(cfg.schedExtDirectory()), foreign, timings, clock);
    }
}
