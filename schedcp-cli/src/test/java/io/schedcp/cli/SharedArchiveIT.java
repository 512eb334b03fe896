package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dist's class-data-sharing archive (lib/schedcp.jsa, built by src/build/cds-archive.sh at package time):
 * the launcher maps it, SCHEDCP_CDS=off starts without it, and a dist whose archive no longer matches (here a
 * copy at another path) still starts, silently, from its jars.
 */
class SharedArchiveIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAIN_LOADED = "io.schedcp.cli.Main source: ";

    @TempDir
    Path temp;

    @Test
    void thePackageStepBuiltAnArchiveBesideTheJars() {
        assertThat(LauncherProcess.DIST.resolve("lib/schedcp.jsa")).isRegularFile();
    }

    @Test
    void theLauncherMapsTheArchive() throws Exception {
        String loaded = mainSource(LauncherProcess.DIST, Map.of());
        assertThat(loaded).isEqualTo("shared objects file");
    }

    @Test
    void cdsOffStartsFromTheJars() throws Exception {
        assertThat(mainSource(LauncherProcess.DIST, Map.of("SCHEDCP_CDS", "off")))
                .startsWith("file:");
    }

    @Test
    void aCopyWhoseArchiveNoLongerMatchesStartsSilentlyFromItsJars() throws Exception {
        Path copy = temp.resolve("moved-dist");
        copyTree(LauncherProcess.DIST, copy);
        try (LauncherProcess version = LauncherProcess.startFrom(copy, environment(Map.of()), "--version")) {
            assertThat(version.awaitExit(WAIT)).isZero();
            assertThat(version.out()).startsWith("schedcp ");
            assertThat(version.err()).isEmpty();
        }
        assertThat(mainSource(copy, Map.of())).startsWith("file:" + copy.toRealPath());
    }

    @Test
    void theVersionStartsNoLoggingBackend() throws Exception {
        List<String> loaded = classesLoaded(LauncherProcess.DIST, "--version");

        assertThat(loaded)
                .filteredOn(line -> line.contains("io.schedcp.cli.Main "))
                .hasSize(1);
        assertThat(loaded).noneMatch(line -> line.contains("ch.qos.logback"));
        assertThat(temp.resolve("home/schedcp.log")).doesNotExist();
    }

    @Test
    void aCommandThatLogsTakesLogbacksClassesFromTheArchiveAllButSomeLambdas() throws Exception {
        List<String> logback = classesLoaded(LauncherProcess.DIST, "status").stream()
                .filter(line -> line.contains(" ch.qos.logback."))
                .toList();

        assertThat(logback).hasSizeGreaterThan(100);
        assertThat(logback)
                .filteredOn(line -> !line.contains("$$Lambda"))
                .allMatch(line -> line.endsWith("source: shared objects file"));
        assertThat(temp.resolve("home/schedcp.log")).content().contains("command: schedcp status");
    }

    private List<String> classesLoaded(Path dist, String... args) throws Exception {
        Map<String, String> env = environment(Map.of());
        env.put("SCHEDCP_JAVA_OPTS", "-Xlog:class+load=info:stderr");
        try (LauncherProcess process = LauncherProcess.startFrom(dist, env, args)) {
            assertThat(process.awaitExit(WAIT)).isZero();
            return process.err().lines().toList();
        }
    }

    /** Where the JVM took the CLI's main class from: "shared objects file" (the archive) or a jar's URL. */
    private String mainSource(Path dist, Map<String, String> extra) throws Exception {
        Map<String, String> env = environment(extra);
        env.put("SCHEDCP_JAVA_OPTS", "-Xlog:class+load=info:stderr");
        try (LauncherProcess version = LauncherProcess.startFrom(dist, env, "--version")) {
            assertThat(version.awaitExit(WAIT)).isZero();
            return version.err()
                    .lines()
                    .filter(line -> line.contains(MAIN_LOADED))
                    .map(line -> line.substring(line.indexOf(MAIN_LOADED) + MAIN_LOADED.length())
                            .strip())
                    .findFirst()
                    .orElse("(not logged)\n" + version.err());
        }
    }

    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "PATH", "/usr/bin:/bin", "SCHEDCP_HOME", temp.resolve("home").toString()));
        env.putAll(extra);
        return env;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
