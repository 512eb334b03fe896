package io.schedcp.userspace.policy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.policy.SchedulingPolicy;
import io.schedcp.core.provider.PluginLoader;
import io.schedcp.core.provider.PluginScope;
import io.schedcp.core.provider.Problems;
import io.schedcp.userspace.policy.PolicyInfo.Origin;
import io.schedcp.userspace.strategy.StrategiesPolicyProvider;
import io.schedcp.userspace.strategy.StrategyBook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies {@code --policy NAME} can run: the built-in ones ({@code fair}, {@code fifo}, {@code strategies})
 * and those plugins provide through {@link ServiceLoader}, from schedcp's own module path or class path and from
 * the plugin directories of scheduler providers. A plugin is looked for the way the scheduler provider plugins
 * are: in the class loader or the module layer the plugin loader made for its jar, and only there, so a provider
 * the parent loader or layer also sees is not found once per plugin. A plugin that fails to load is
 * logged and skipped; one whose name is taken is refused (built-ins first, then plugins in the order given), so
 * {@code --policy fair} always means the same policy. Immutable once built.
 */
public final class PolicyRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyRegistry.class);
    /** Past this many failures in one loader, stop: its iterator may be stuck on the same broken entry. */
    private static final int MAX_FAILURES = 50;

    private final Map<String, Entry> entries;
    private final List<String> order;
    private final List<String> problems;

    private record Entry(PolicyProvider provider, PolicyInfo info) {}

    private PolicyRegistry(Map<String, Entry> entries, List<String> problems) {
        this.entries = Map.copyOf(entries);
        this.problems = List.copyOf(problems);
        this.order = List.copyOf(entries.keySet());
    }

    /** The built-in policies alone. */
    public static PolicyRegistry builtIn() {
        return builder().build();
    }

    /** A registry of the built-in policies, to which plugins can be added. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every policy, built-ins first, then plugins in the order they were found. */
    public List<PolicyInfo> list() {
        return order.stream().map(name -> entries.get(name).info()).toList();
    }

    /** What went wrong while plugins were looked for: one sentence for each plugin skipped or refused. */
    public List<String> problems() {
        return problems;
    }

    /**
     * A new policy {@code name} for one run.
     *
     * @throws SchedcpException INVALID_INPUT when there is no such policy (naming those there are) or the policy
     *     refuses the options of {@code context}
     */
    public SchedulingPolicy create(String name, PolicyContext context) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "there is no policy named " + name + "; the policies are " + String.join(", ", order));
        }
        try {
            return entry.provider().create(context);
        } catch (IllegalArgumentException e) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "the " + name + " policy refused its options: " + e.getMessage(), e);
        }
    }

    /** Collects the providers of a registry: the built-ins on creation, then plugins. */
    public static final class Builder {

        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private final Set<Class<?>> builtInTypes;
        private final List<String> problems = new ArrayList<>();

        private Builder() {
            for (PolicyProvider provider :
                    List.of(new FairPolicyProvider(), new FifoPolicyProvider(), new StrategiesPolicyProvider())) {
                entries.put(
                        provider.name(),
                        new Entry(
                                provider,
                                new PolicyInfo(provider.name(), provider.description(), Origin.BUILTIN, "built-in")));
            }
            builtInTypes =
                    entries.values().stream().map(e -> e.provider().getClass()).collect(Collectors.toUnmodifiableSet());
        }

        /**
         * Makes the built-in {@code strategies} policy follow {@code book}, so that whoever holds the book (the
         * agent's control socket) changes the strategies of the running policy.
         */
        public Builder strategyBook(StrategyBook book) {
            StrategiesPolicyProvider provider = new StrategiesPolicyProvider(book);
            entries.put(
                    provider.name(),
                    new Entry(
                            provider,
                            new PolicyInfo(provider.name(), provider.description(), Origin.BUILTIN, "built-in")));
            return this;
        }

        /**
         * Adds the providers of the plugin whose classes {@code loader} defines, as the plugin loader makes one
         * for each plugin on the class path.
         */
        public Builder plugins(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            return loadFrom(loader, "class loader " + describe(loader));
        }

        /**
         * Adds the providers of the modules of {@code layer} (not of its parents), as the plugin loader makes one
         * for each plugin on the module path.
         */
        public Builder plugins(ModuleLayer layer) {
            Objects.requireNonNull(layer, "layer");
            return loadFrom(layer, "module layer " + layer);
        }

        /**
         * Adds the policies of the plugins in {@code directories}, which are those of the scheduler provider plugins
         * ({@code SchedcpConfig.pluginDirectories()}: {@code ~/.schedcp/plugins}, then each directory of {@code
         * SCHEDCP_PLUGIN_PATH}): each jar, or each sub-directory of jars, is loaded in a module layer or class loader
         * of its own, and its policies are named in messages by that jar or directory. What the plugin loader
         * reports (a directory that is a file, a jar that cannot be read or does not resolve) becomes a problem of
         * this registry; missing directories are skipped quietly.
         */
        public Builder pluginDirectories(List<Path> directories) {
            Problems found = new Problems();
            List<PluginScope> scopes = new PluginLoader(found).scopes(directories);
            // Already logged, by the loader's Problems.
            problems.addAll(found.messages());
            scopes.forEach(this::plugins);
            return this;
        }

        /** Adds the policies of one plugin as the plugin loader loaded it; messages name it by its jar or directory. */
        Builder plugins(PluginScope scope) {
            String source = "plugin " + scope.name();
            if (scope instanceof PluginScope.Modules modules) {
                return loadFrom(modules.layer(), source);
            }
            return loadFrom(((PluginScope.ClassPath) scope).loader(), source);
        }

        /** Adds the providers on schedcp's own module path or class path, the built-ins aside. */
        public Builder installedPlugins() {
            Module own = PolicyRegistry.class.getModule();
            ServiceLoader<PolicyProvider> loader = own.isNamed() && own.getLayer() != null
                    ? ServiceLoader.load(own.getLayer(), PolicyProvider.class)
                    : ServiceLoader.load(PolicyProvider.class, PolicyRegistry.class.getClassLoader());
            return load(loader, type -> !builtInTypes.contains(type), "the module path or class path");
        }

        /** Adds one provider found some other way; {@code source} says where, in messages. */
        public Builder plugin(PolicyProvider provider, String source) {
            String name;
            String description;
            try {
                name = Objects.requireNonNull(provider.name(), "name()");
                description = Objects.requireNonNull(provider.description(), "description()");
            } catch (RuntimeException e) {
                problem(
                        "a policy provider " + provider.getClass().getName() + " in " + source
                                + " was skipped: it could not name itself (" + e + ")",
                        e);
                return this;
            }
            Entry taken = entries.get(name);
            if (taken != null) {
                problem(
                        "the policy " + name + " of " + provider.getClass().getName() + " in " + source
                                + " was refused: "
                                + (taken.info().builtin()
                                        ? "a built-in policy"
                                        : "the plugin "
                                                + taken.provider().getClass().getName() + " in "
                                                + taken.info().source())
                                + " has that name; rename the plugin's policy",
                        null);
                return this;
            }
            LOG.debug("found policy {} ({}) in {}", name, provider.getClass().getName(), source);
            entries.put(name, new Entry(provider, new PolicyInfo(name, description, Origin.PLUGIN, source)));
            return this;
        }

        public PolicyRegistry build() {
            return new PolicyRegistry(entries, problems);
        }

        private Builder loadFrom(ClassLoader loader, String source) {
            return load(
                    ServiceLoader.load(PolicyProvider.class, loader), type -> type.getClassLoader() == loader, source);
        }

        private Builder loadFrom(ModuleLayer layer, String source) {
            return load(
                    ServiceLoader.load(layer, PolicyProvider.class),
                    type -> type.getModule().getLayer() == layer,
                    source);
        }

        private Builder load(ServiceLoader<PolicyProvider> loader, Predicate<Class<?>> accept, String source) {
            Iterator<ServiceLoader.Provider<PolicyProvider>> it =
                    loader.stream().iterator();
            int failures = 0;
            while (failures < MAX_FAILURES) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    ServiceLoader.Provider<PolicyProvider> candidate = it.next();
                    if (accept.test(candidate.type())) {
                        plugin(candidate.get(), source);
                    }
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    failures++;
                    problem("a policy provider in " + source + " could not be loaded and was skipped: " + causes(e), e);
                }
            }
            return this;
        }

        private void problem(String message, Throwable cause) {
            if (cause == null) {
                LOG.warn("{}", message);
            } else {
                LOG.warn("{}", message, cause);
            }
            problems.add(message);
        }

        private static String describe(ClassLoader loader) {
            return loader.getName() != null ? loader.getName() : loader.toString();
        }

        private static String causes(Throwable e) {
            StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                text.append(": ")
                        .append(cause.getClass().getSimpleName())
                        .append(": ")
                        .append(cause.getMessage());
            }
            return text.toString();
        }
    }
}
