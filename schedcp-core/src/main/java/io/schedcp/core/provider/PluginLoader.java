package io.schedcp.core.provider;

import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.spi.SchedulerProvider;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads provider plugins from directories. In a plugin directory, each {@code *.jar} is one plugin, and each
 * sub-directory is one plugin made of the jars inside it (a provider and its own dependencies). Each plugin
 * gets a module layer of its own when schedcp runs on the module path, or a class loader of its own on the
 * class path, so one broken plugin cannot take the others down. {@link #load} finds the scheduler providers in
 * them; {@link #scopes} hands out the layers and loaders themselves, for services of other modules
 * (scx_userspace's policies) that a plugin may provide instead or as well.
 */
public final class PluginLoader {

    /** The service of scx_userspace's policies, by name: it is looked for by that module, not by this one. */
    static final String POLICY_SERVICE = PolicyProvider.class.getName();

    private final Problems problems;
    private final boolean asModules;

    /** Loads plugins as modules when schedcp runs on the module path, else each on a class path of its own. */
    public PluginLoader(Problems problems) {
        this(problems, onModulePath());
    }

    /** Loads plugins as modules, or on a class path when {@code asModules} is false (whatever schedcp runs on). */
    PluginLoader(Problems problems, boolean asModules) {
        this.problems = problems;
        this.asModules = asModules;
    }

    /**
     * The scheduler providers of every plugin in {@code directories}; missing directories are skipped quietly. A
     * plugin that provides neither a scheduler provider nor a policy is reported.
     */
    public List<SchedulerProvider> load(List<Path> directories) {
        List<SchedulerProvider> providers = new ArrayList<>();
        forEachPlugin(directories, scope -> {
            int problemsBefore = problems.messages().size();
            List<SchedulerProvider> found = schedulerProviders(scope);
            if (found.isEmpty() && problems.messages().size() == problemsBefore && !provides(scope, POLICY_SERVICE)) {
                problems.add("plugin " + scope.name() + " provides neither a scheduler provider nor a policy: it "
                        + "needs a 'provides io.schedcp.api.spi.SchedulerProvider with ...' (or 'provides "
                        + POLICY_SERVICE + " with ...', for an scx_userspace policy) in module-info and the matching "
                        + "META-INF/services file (see docs/plugins.md, docs/policies.md)");
            }
            providers.addAll(found);
        });
        return providers;
    }

    /**
     * The layer or class loader of every plugin in {@code directories} that loads, in the order of the directories
     * and, in each, of the file names; missing directories are skipped quietly, and a plugin that does not load is
     * reported and left out. Each call loads the plugins anew.
     */
    public List<PluginScope> scopes(List<Path> directories) {
        List<PluginScope> scopes = new ArrayList<>();
        forEachPlugin(directories, scopes::add);
        return scopes;
    }

    /**
     * Whether the plugin declares {@code service} the way it is loaded: in a module's {@code provides} (a jar
     * without module-info becomes an automatic module, whose services files count as such) or, on a class path,
     * in a META-INF/services file of its jars.
     */
    static boolean provides(PluginScope scope, String service) {
        if (scope instanceof PluginScope.Modules modules) {
            return modules.layer().modules().stream()
                    .flatMap(module -> module.getDescriptor().provides().stream())
                    .anyMatch(provides -> provides.service().equals(service));
        }
        return scope instanceof PluginScope.ClassPath classPath
                && classPath.loader() instanceof URLClassLoader own
                && own.findResource("META-INF/services/" + service) != null;
    }

    private void forEachPlugin(List<Path> directories, Consumer<PluginScope> action) {
        for (Path dir : directories) {
            if (!Files.exists(dir)) {
                continue;
            }
            if (!Files.isDirectory(dir)) {
                problems.add("plugin path " + dir + " is not a directory; list directories that hold plugin jars");
                continue;
            }
            for (List<Path> plugin : plugins(dir)) {
                define(plugin).ifPresent(action);
            }
        }
    }

    private List<List<Path>> plugins(Path dir) {
        List<List<Path>> plugins = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().collect(Collectors.toList())) {
                if (isJar(entry)) {
                    plugins.add(List.of(entry));
                } else if (Files.isDirectory(entry)) {
                    List<Path> jars = jarsIn(entry);
                    if (!jars.isEmpty()) {
                        plugins.add(jars);
                    }
                }
            }
        } catch (IOException e) {
            problems.add("cannot list plugin directory " + dir + ": " + e.getMessage(), e);
        }
        return plugins;
    }

    private List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(PluginLoader::isJar).sorted().collect(Collectors.toList());
        }
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static Path location(List<Path> jars) {
        return jars.size() == 1 ? jars.get(0) : jars.get(0).getParent();
    }

    private static boolean onModulePath() {
        Module api = SchedulerProvider.class.getModule();
        return api.isNamed() && api.getLayer() != null;
    }

    private Optional<PluginScope> define(List<Path> jars) {
        Path location = location(jars);
        Optional<String> problem = PluginJarCheck.problem(jars);
        if (problem.isPresent()) {
            problems.add("plugin " + location + " was skipped: " + problem.get());
            return Optional.empty();
        }
        try {
            return Optional.of(
                    asModules
                            ? new PluginScope.Modules(
                                    location,
                                    defineModules(
                                            jars,
                                            SchedulerProvider.class.getModule().getLayer()))
                            : new PluginScope.ClassPath(location, classLoader(jars, location)));
        } catch (RuntimeException | LinkageError e) {
            problems.add("plugin " + location + " was skipped: " + ProviderDiscovery.describe(e), e);
            return Optional.empty();
        }
    }

    private ModuleLayer defineModules(List<Path> jars, ModuleLayer parent) {
        // A plugin that bundles modules schedcp already has (its own schedcp-api, say) gets schedcp's: a second
        // copy of the API would make its provider implement a different SchedulerProvider, found by nobody.
        Set<ModuleReference> own = ModuleFinder.of(jars.toArray(Path[]::new)).findAll().stream()
                .filter(ref -> parent.findModule(ref.descriptor().name()).isEmpty())
                .collect(Collectors.toSet());
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String moduleName) {
                return own.stream()
                        .filter(ref -> ref.descriptor().name().equals(moduleName))
                        .findFirst();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return own;
            }
        };
        Set<String> roots = own.stream().map(ref -> ref.descriptor().name()).collect(Collectors.toSet());
        Configuration configuration = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        return parent.defineModulesWithOneLoader(configuration, SchedulerProvider.class.getClassLoader());
    }

    private static URLClassLoader classLoader(List<Path> jars, Path location) {
        URL[] urls = jars.stream().map(PluginLoader::toUrl).toArray(URL[]::new);
        return new URLClassLoader("plugin " + location, urls, SchedulerProvider.class.getClassLoader());
    }

    private List<SchedulerProvider> schedulerProviders(PluginScope scope) {
        String source = "plugin " + scope.name();
        try {
            if (scope instanceof PluginScope.Modules modules) {
                ModuleLayer layer = modules.layer();
                return ProviderDiscovery.load(
                        ServiceLoader.load(layer, SchedulerProvider.class),
                        type -> type.getModule().getLayer() == layer,
                        source,
                        problems);
            }
            ClassLoader loader = ((PluginScope.ClassPath) scope).loader();
            return ProviderDiscovery.load(
                    ServiceLoader.load(SchedulerProvider.class, loader),
                    type -> type.getClassLoader() == loader,
                    source,
                    problems);
        } catch (RuntimeException | LinkageError e) {
            problems.add(source + " was skipped: " + ProviderDiscovery.describe(e), e);
            return List.of();
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable jar path: " + path, e);
        }
    }
}
