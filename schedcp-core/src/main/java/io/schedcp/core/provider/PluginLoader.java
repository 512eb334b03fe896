package io.schedcp.core.provider;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads provider plugins from directories. In a plugin directory, each {@code *.jar} is one plugin, and each
 * sub-directory is one plugin made of the jars inside it (a provider and its own dependencies). Each plugin
 * gets a module layer of its own when schedcp runs on the module path, or a class loader of its own on the
 * class path, so one broken plugin cannot take the others down.
 */
public final class PluginLoader {

    private final Problems problems;

    public PluginLoader(Problems problems) {
        this.problems = problems;
    }

    /** The providers of every plugin in {@code directories}; missing directories are skipped quietly. */
    public List<SchedulerProvider> load(List<Path> directories) {
        List<SchedulerProvider> providers = new ArrayList<>();
        for (Path dir : directories) {
            if (!Files.exists(dir)) {
                continue;
            }
            if (!Files.isDirectory(dir)) {
                problems.add("plugin path " + dir + " is not a directory; list directories that hold plugin jars");
                continue;
            }
            for (List<Path> plugin : plugins(dir)) {
                int problemsBefore = problems.messages().size();
                List<SchedulerProvider> found = loadPlugin(plugin);
                if (found.isEmpty() && problems.messages().size() == problemsBefore) {
                    problems.add("plugin " + name(plugin) + " provides no scheduler provider: it needs a "
                            + "'provides io.schedcp.api.spi.SchedulerProvider with ...' in module-info and a "
                            + "META-INF/services/io.schedcp.api.spi.SchedulerProvider file (see docs/plugins.md)");
                }
                providers.addAll(found);
            }
        }
        return providers;
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

    private static String name(List<Path> jars) {
        return jars.size() == 1
                ? jars.get(0).toString()
                : jars.get(0).getParent().toString();
    }

    private List<SchedulerProvider> loadPlugin(List<Path> jars) {
        String name = name(jars);
        Optional<String> problem = PluginJarCheck.problem(jars);
        if (problem.isPresent()) {
            problems.add("plugin " + name + " was skipped: " + problem.get());
            return List.of();
        }
        try {
            Module api = SchedulerProvider.class.getModule();
            return api.isNamed() && api.getLayer() != null
                    ? loadAsModules(jars, api.getLayer(), name)
                    : loadOnClassPath(jars, name);
        } catch (RuntimeException | LinkageError e) {
            problems.add("plugin " + name + " was skipped: " + ProviderDiscovery.describe(e), e);
            return List.of();
        }
    }

    private List<SchedulerProvider> loadAsModules(List<Path> jars, ModuleLayer parent, String name) {
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
        ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, SchedulerProvider.class.getClassLoader());
        ServiceLoader<SchedulerProvider> loader = ServiceLoader.load(layer, SchedulerProvider.class);
        return ProviderDiscovery.load(loader, type -> type.getModule().getLayer() == layer, "plugin " + name, problems);
    }

    private List<SchedulerProvider> loadOnClassPath(List<Path> jars, String name) {
        URL[] urls = jars.stream().map(PluginLoader::toUrl).toArray(URL[]::new);
        URLClassLoader classLoader =
                new URLClassLoader("plugin " + name, urls, SchedulerProvider.class.getClassLoader());
        ServiceLoader<SchedulerProvider> loader = ServiceLoader.load(SchedulerProvider.class, classLoader);
        return ProviderDiscovery.load(loader, type -> type.getClassLoader() == classLoader, "plugin " + name, problems);
    }

    private static URL toUrl(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable jar path: " + path, e);
        }
    }
}
