package io.schedcp.core.provider;

import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.api.spi.SchedulerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What is wrong with a plugin's jars before the JDK is asked to load them. The JDK's own complaint can hide
 * the cause: a jar without module-info whose services file names a missing class is refused for the module
 * name its file name gives, when that name is not valid, and the missing class goes unsaid.
 */
final class PluginJarCheck {

    /** The services files a plugin may have: scheduler providers, and scx_userspace's policies. */
    static final List<String> SERVICES = List.of(
            "META-INF/services/" + SchedulerProvider.class.getName(),
            "META-INF/services/" + PolicyProvider.class.getName());

    private PluginJarCheck() {}

    /**
     * The first problem found in {@code jars}: one that cannot be read, a provider class (of either services file)
     * in none of them.
     */
    static Optional<String> problem(List<Path> jars) {
        List<JarFile> opened = new ArrayList<>();
        try {
            for (Path jar : jars) {
                try {
                    opened.add(new JarFile(jar.toFile()));
                } catch (IOException e) {
                    return Optional.of(jar + " is not a readable jar (" + e.getMessage() + ")");
                }
            }
            for (JarFile jar : opened) {
                for (String file : SERVICES) {
                    JarEntry services = jar.getJarEntry(file);
                    if (services == null) {
                        continue;
                    }
                    for (String provider : providers(jar, services)) {
                        String classFile = provider.replace('.', '/') + ".class";
                        if (opened.stream().noneMatch(j -> j.getJarEntry(classFile) != null)) {
                            return Optional.of(file + " in " + jar.getName() + " names " + provider + ", which is "
                                    + "not in " + (jars.size() == 1 ? "that jar" : "any of the plugin's jars")
                                    + "; add the class, or correct the name in that file");
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("a jar of the plugin could not be read (" + e.getMessage() + ")");
        } finally {
            for (JarFile jar : opened) {
                try {
                    jar.close();
                } catch (IOException e) {
                    // Only read from; nothing is lost.
                }
            }
        }
    }

    /** The class names of a services file: one a line, {@code #} starts a comment. */
    private static List<String> providers(JarFile jar, JarEntry services) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = jar.getInputStream(services)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
