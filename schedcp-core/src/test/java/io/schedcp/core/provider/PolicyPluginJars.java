package io.schedcp.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.policy.PolicyProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Plugin jars that provide an scx_userspace policy and no scheduler provider, as a policy author builds them: a
 * module compiled here against the API alone, and a plain jar with only a services file. The loader never
 * instantiates a policy, so the plain jar's class need not be a real one.
 */
final class PolicyPluginJars {

    private PolicyPluginJars() {}

    /** A modular jar at {@code jar}: module {@code module}, which provides a policy, compiled in {@code work}. */
    static Path moduleJar(Path work, Path jar, String module) throws IOException {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("this JDK has no javac to compile the test plugin with"));
        Path sources = Files.createDirectories(work.resolve("src").resolve(module));
        Path classes = Files.createDirectories(work.resolve("classes").resolve(module));
        Path moduleInfo = Files.writeString(
                sources.resolve("module-info.java"),
                "module " + module + " { requires io.schedcp.api; provides " + PolicyProvider.class.getName() + " with "
                        + module + ".OnlyPolicyProvider; }");
        Path provider = Files.writeString(
                Files.createDirectories(sources.resolve(module)).resolve("OnlyPolicyProvider.java"),
                "package " + module + ";\n"
                        + "import io.schedcp.api.policy.*;\n"
                        + "public class OnlyPolicyProvider implements PolicyProvider {\n"
                        + "  public String name() { return \"only\"; }\n"
                        + "  public String description() { return \"a policy and nothing else\"; }\n"
                        + "  public SchedulingPolicy create(PolicyContext c) { return (t, d) -> true; }\n"
                        + "}\n");
        StringWriter errors = new StringWriter();
        int status = javac.run(
                new PrintWriter(errors),
                new PrintWriter(errors),
                "--release",
                "17",
                "--module-path",
                apiJar().toString(),
                "-d",
                classes.toString(),
                moduleInfo.toString(),
                provider.toString());
        assertThat(status).as("javac: %s", errors).isZero();
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

    /** A jar at {@code jar} without module-info: a class {@code provider} and the policy services file naming it. */
    static Path plainJar(Path jar, String provider) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(provider.replace('.', '/') + ".class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/" + PolicyProvider.class.getName()));
            out.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Where the API's classes are: its jar, or its classes directory in a reactor build. */
    private static Path apiJar() {
        try {
            return Path.of(PolicyProvider.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> moduleNames(PluginScope scope) {
        return ((PluginScope.Modules) scope)
                .layer().modules().stream().map(Module::getName).sorted().toList();
    }
}
