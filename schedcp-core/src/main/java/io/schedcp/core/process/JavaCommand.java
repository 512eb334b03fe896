package io.schedcp.core.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command that runs a main class of this library in a new JVM with the same Java and the same module
 * path or class path as this one: how schedcp starts its own helper processes (a scheduler loader, a
 * verifier) without a separate binary.
 */
public final class JavaCommand {

    /** Flags for a short-lived helper: quick start-up, small heap. */
    static final List<String> HELPER_FLAGS =
            List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx128m");

    /**
     * The system property by which the launcher names the class-data-sharing archive it started with. A helper
     * maps the same archive: it holds the helpers' classes too, and the JVM ignores it where it does not match.
     */
    public static final String CDS_PROPERTY = "schedcp.cds";

    private JavaCommand() {}

    /** The java launcher of this JVM. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The command that runs {@code mainClass} with {@code args}. */
    public static List<String> of(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(HELPER_FLAGS);
        sharedArchive()
                .ifPresent(archive -> command.addAll(List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive)));
        Module module = mainClass.getModule();
        String modulePath = System.getProperty("jdk.module.path");
        if (module.isNamed() && modulePath != null && !modulePath.isBlank()) {
            command.addAll(List.of("--module-path", modulePath, "-m", module.getName() + "/" + mainClass.getName()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        }
        command.addAll(args);
        return command;
    }

    static Optional<String> sharedArchive() {
        String archive = System.getProperty(CDS_PROPERTY, "");
        return archive.isBlank() || !Files.isReadable(Path.of(archive)) ? Optional.empty() : Optional.of(archive);
    }
}
