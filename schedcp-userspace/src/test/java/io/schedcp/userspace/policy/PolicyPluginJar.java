package io.schedcp.userspace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.policy.PolicyProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A policy plugin jar as its author builds one: compiled here against the API alone, with the services file, and
 * with a module-info or without one (a plain jar, an automatic module in a plugin layer).
 */
public final class PolicyPluginJar {

    private PolicyPluginJar() {}

    /** How the plugin's provider behaves. */
    public enum Kind {
        /** Gives its policy. */
        WORKING,
        /** Throws from its constructor, so that ServiceLoader cannot instantiate it. */
        BROKEN
    }

    /**
     * Writes {@code jar}: package (and, if {@code modular}, module) {@code pkg}, whose provider {@code pkg.Provider}
     * offers the policy {@code policy}, described as "a policy from PKG".
     */
    public static Path write(Path work, Path jar, String pkg, String policy, boolean modular, Kind kind)
            throws IOException {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("this JDK has no javac to compile the test plugin with"));
        Path sources = Files.createDirectories(work.resolve("src").resolve(pkg));
        Path classes = Files.createDirectories(work.resolve("classes").resolve(pkg));
        Path code = Files.createDirectories(sources.resolve(pkg.replace('.', '/')));
        List<String> args = new ArrayList<>(List.of(
                "--release",
                "17",
                modular ? "--module-path" : "--class-path",
                apiLocation(),
                "-d",
                classes.toString()));
        args.add(Files.writeString(code.resolve("Provider.java"), """
                        package %s;
                        import io.schedcp.api.policy.*;
                        public class Provider implements PolicyProvider {
                          public Provider() { %s }
                          public String name() { return "%s"; }
                          public String description() { return "a policy from %s"; }
                          public SchedulingPolicy create(PolicyContext c) { return new Policy(); }
                        }
                        """.formatted(
                                pkg,
                                kind == Kind.BROKEN
                                        ? "if (true) throw new IllegalStateException(\"the broken plugin refuses\");"
                                        : "",
                                policy,
                                pkg))
                .toString());
        args.add(Files.writeString(code.resolve("Policy.java"), """
                        package %s;
                        import io.schedcp.api.policy.*;
                        public class Policy implements SchedulingPolicy {
                          public boolean decide(QueuedTask t, Dispatch d) { return true; }
                        }
                        """.formatted(pkg))
                .toString());
        if (modular) {
            args.add(Files.writeString(
                            sources.resolve("module-info.java"),
                            "module " + pkg + " { requires io.schedcp.api; provides " + PolicyProvider.class.getName()
                                    + " with " + pkg + ".Provider; }")
                    .toString());
        }
        StringWriter errors = new StringWriter();
        int status = javac.run(new PrintWriter(errors), new PrintWriter(errors), args.toArray(String[]::new));
        assertThat(status).as("javac: %s", errors).isZero();
        Path services = classes.resolve("META-INF/services/" + PolicyProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, pkg + ".Provider\n");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Where the API's classes are: its jar, or its classes directory in a reactor build. */
    private static String apiLocation() {
        try {
            return Path.of(PolicyProvider.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
