package io.schedcp.userspace.policy;

import io.schedcp.api.policy.PolicyProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A plugin on the class path, as the plugin loader makes one: the class files of some test providers copied into
 * a directory with their META-INF/services file, under a class loader of its own. Its parent sees the API alone,
 * so the copies are defined by the plugin's loader and not found in this module.
 */
final class PluginDirectory {

    private PluginDirectory() {}

    static URLClassLoader loader(Path dir, Class<?>... providers) {
        try {
            for (Class<?> provider : providers) {
                String file = provider.getName().replace('.', '/') + ".class";
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = provider.getResourceAsStream(provider.getSimpleName() + ".class")) {
                    if (in == null) {
                        throw new IllegalStateException("no class file for " + provider);
                    }
                    Files.copy(in, target);
                }
            }
            Path services = dir.resolve("META-INF/services/" + PolicyProvider.class.getName());
            Files.createDirectories(services.getParent());
            Files.writeString(
                    services,
                    Arrays.stream(providers).map(Class::getName).collect(Collectors.joining("\n", "# test\n", "\n")));
            return new URLClassLoader(
                    "plugin " + dir.getFileName(), new URL[] {dir.toUri().toURL()}, new ApiOnly());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sees the boot layer's classes and schedcp's API, nothing else. Not the platform loader as its parent: that
     * one hands a package of an application module (these test classes' package) to the application loader.
     */
    private static final class ApiOnly extends ClassLoader {

        ApiOnly() {
            super("api-only", null);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.schedcp.api.")) {
                return PolicyProvider.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
