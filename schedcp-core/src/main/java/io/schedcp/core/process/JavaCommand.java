package io.schedcp.core.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs a main class of this library in a new JVM with the same Java and the same module
 * path or class path as this one: how schedcp starts its own helper processes (a scheduler loader, a
 * verifier) without a separate binary.
 */
public final class JavaCommand {

    /** Flags for a short-lived helper: quick start-up, small heap. */
    static final List<String> HELPER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-Xmx128m");

    private JavaCommand() {
    }

    /** The java launcher of this JVM. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The command that runs {@code mainClass} with {@code args}. */
    public static List<String> of(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(HELPER_FLAGS);
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
}
