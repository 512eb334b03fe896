package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.testkit.kernel.FakeSchedExt;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider SPI seen from outside the build. A third-party plugin is compiled here against the schedcp-api
 * jar alone, then the packaged distribution runs in a child JVM with the plugin in each place a user may put
 * it: the plugin must be listed, and {@code run} must start it, confirm it through the fake sched_ext directory
 * and stop it on Ctrl-C. A plugin whose provider throws costs a warning and nothing else.
 */
class PluginIT {

    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final String SERVICE = "io.schedcp.api.spi.SchedulerProvider";

    /** The plugin jars, built once for all tests. */
    @TempDir
    static Path builds;

    private static Path acmeJar;
    private static Path brokenJar;

    @TempDir
    Path temp;

    private Path home;
    private Path sysfs;

    @BeforeAll
    static void buildPlugins() throws IOException {
        Path apiJar = Path.of(requiredProperty("schedcp.api.jar"));
        assertThat(apiJar).as("the schedcp-api jar (run 'mvn package' first)").isRegularFile();
        acmeJar = PluginBuild.of("acme", "com.example.acme.AcmeProvider", "module-info.java", "AcmeProvider.java")
                .jar(apiJar, builds);
        brokenJar = PluginBuild.of(
                        "broken", "com.example.broken.BrokenProvider", "module-info.java", "BrokenProvider.java")
                .jar(apiJar, builds);
    }

    @BeforeEach
    void fakeKernel() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
        sysfs = FakeSchedExt.in(temp).directory();
    }

    @Test
    void pluginInPluginPathRunsOnModulePath() throws Exception {
        Path pluginDir = directoryWith(temp.resolve("plugin-path"), acmeJar);
        Schedcp schedcp = Schedcp.launcher().env("SCHEDCP_PLUGIN_PATH", pluginDir.toString());

        assertListsAcmeFifo(schedcp);
        assertRunsAndStopsAcmeFifo(schedcp);
    }

    @Test
    void pluginInHomePluginsDirectoryRunsOnModulePath() throws Exception {
        directoryWith(home.resolve("plugins"), acmeJar);
        Schedcp schedcp = Schedcp.launcher();

        assertListsAcmeFifo(schedcp);
        assertRunsAndStopsAcmeFifo(schedcp);
    }

    @Test
    void pluginOnTheModulePathOfALibraryUserRunsWithoutPluginDirectory() throws Exception {
        Schedcp schedcp = Schedcp.modulePath(acmeJar);

        assertListsAcmeFifo(schedcp);
        assertRunsAndStopsAcmeFifo(schedcp);
    }

    @Test
    void pluginOnTheClassPathIsFoundThroughItsServiceFile() throws Exception {
        Schedcp schedcp = Schedcp.classPath(acmeJar);

        assertListsAcmeFifo(schedcp);
        assertRunsAndStopsAcmeFifo(schedcp);
    }

    @Test
    void brokenPluginBesideAGoodOneIsSkippedWithAWarningOnModulePath() throws Exception {
        Path pluginDir = directoryWith(temp.resolve("plugin-path"), acmeJar, brokenJar);
        Schedcp schedcp = Schedcp.launcher().env("SCHEDCP_PLUGIN_PATH", pluginDir.toString());

        Result list = listJson(schedcp);

        assertListsEverythingButTheBrokenPlugin(list);
    }

    @Test
    void brokenPluginInPluginPathIsSkippedWithAWarningOnClassPath() throws Exception {
        Path pluginDir = directoryWith(temp.resolve("plugin-path"), brokenJar);
        Schedcp schedcp = Schedcp.classPath(acmeJar).env("SCHEDCP_PLUGIN_PATH", pluginDir.toString());

        Result list = listJson(schedcp);

        assertListsEverythingButTheBrokenPlugin(list);
    }

    private Result listJson(Schedcp schedcp) throws Exception {
        return onFakeKernel(schedcp).run(temp, LIST_TIMEOUT, "list", "--json");
    }

    private void assertListsAcmeFifo(Schedcp schedcp) throws Exception {
        Result list = listJson(schedcp);

        assertThat(list.exitCode()).as("exit code of list; %s", list).isZero();
        JsonNode acme = schedulers(list).stream()
                .filter(s -> s.path("name").asString().equals("acme_fifo"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("list --json has no acme_fifo; " + list));
        assertThat(acme.path("provider").asString()).isEqualTo("acme");
        assertThat(acme.path("qualified_name").asString()).isEqualTo("acme:acme_fifo");
        assertThat(acme.path("available").asBoolean())
                .as("acme_fifo available; %s", list)
                .isTrue();
    }

    private void assertListsEverythingButTheBrokenPlugin(Result list) {
        assertThat(list.exitCode()).as("exit code of list; %s", list).isZero();
        List<String> names = schedulers(list).stream()
                .map(s -> s.path("qualified_name").asString())
                .collect(Collectors.toList());
        assertThat(names).contains("acme:acme_fifo").anyMatch(name -> name.startsWith("scx:"));
        assertThat(list.stderr())
                .contains("schedcp: warning:")
                .contains(brokenJar.getFileName().toString());
    }

    /**
     * Runs acme_fifo in the foreground until the fake kernel reports it, then presses Ctrl-C: schedcp must stop
     * it, see the kernel back on its default scheduler and exit 0.
     */
    private void assertRunsAndStopsAcmeFifo(Schedcp schedcp) throws Exception {
        Path out = temp.resolve("run.out");
        Path err = temp.resolve("run.err");
        Process process = onFakeKernel(schedcp).start(out, err, "run", "acme_fifo");
        try {
            boolean running =
                    await(RUNNING_TIMEOUT, () -> read(err).contains("acme_fifo is running") || !process.isAlive());
            assertThat(running && process.isAlive())
                    .as("acme_fifo reported running; stdout:%n%s%nstderr:%n%s", read(out), read(err))
                    .isTrue();
            assertThat(read(sysfs.resolve("state")).strip()).isEqualTo("enabled");
            assertThat(read(sysfs.resolve("root/ops")).strip()).isEqualTo("acme_fifo");

            interrupt(process);

            assertThat(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("schedcp ended after SIGINT; stderr:%n%s", read(err))
                    .isTrue();
            assertThat(process.exitValue())
                    .as("exit code of run; stderr:%n%s", read(err))
                    .isZero();
            assertThat(read(sysfs.resolve("state")).strip()).isEqualTo("disabled");
            assertThat(sysfs.resolve("root/ops")).doesNotExist();
            assertThat(read(err))
                    .contains("stopped acme_fifo (sent SIGINT")
                    .contains("the kernel is back on its default scheduler");
            assertThat(read(out)).contains("acme_fifo: attached");
        } finally {
            Schedcp.kill(process);
        }
    }

    /** {@code schedcp} with its data directory and the kernel's sched_ext directory in this test's. */
    private Schedcp onFakeKernel(Schedcp schedcp) {
        return schedcp.env("SCHEDCP_HOME", home.toString()).env("SCHEDCP_SCHED_EXT_DIR", sysfs.toString());
    }

    private static Path directoryWith(Path dir, Path... jars) throws IOException {
        Files.createDirectories(dir);
        for (Path jar : jars) {
            Files.copy(jar, dir.resolve(jar.getFileName()));
        }
        return dir;
    }

    private static List<JsonNode> schedulers(Result list) {
        JsonNode root = JsonMapper.builder().build().readTree(list.stdout());
        assertThat(root.isArray()).as("list --json prints an array; %s", list).isTrue();
        List<JsonNode> entries = new ArrayList<>();
        root.forEach(entries::add);
        return entries;
    }

    private static void interrupt(Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", "INT", Long.toString(process.pid()))
                .redirectErrorStream(true)
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS))
                .as("kill -s INT returned")
                .isTrue();
        assertThat(kill.exitValue())
                .as(
                        "kill -s INT %s: %s",
                        process.pid(), new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    private static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        assertThat(value)
                .as("system property %s (set by the failsafe configuration of schedcp-cli)", name)
                .isNotBlank();
        return value;
    }

    /** What a finished command printed. */
    record Result(int exitCode, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit " + exitCode + "; stdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    /**
     * One way of launching the packaged distribution: its {@code bin/schedcp}, or {@code java} with the jars of
     * its {@code lib} on the module path or the class path, with a plugin jar beside them.
     */
    private static final class Schedcp {

        private final List<String> command;
        private final Map<String, String> env;

        private Schedcp(List<String> command, Map<String, String> env) {
            this.command = List.copyOf(command);
            this.env = Map.copyOf(env);
        }

        static Schedcp launcher() {
            return new Schedcp(
                    List.of(dist().resolve("bin/schedcp").toString()),
                    Map.of("JAVA_HOME", System.getProperty("java.home")));
        }

        /**
         * A library user's own launch. Like bin/schedcp it restores SIGINT and SIGTERM first: a JVM started with
         * them ignored (as a shell's background jobs are) would never see the Ctrl-C these tests send.
         */
        static Schedcp modulePath(Path pluginJar) {
            return new Schedcp(
                    List.of(
                            "env",
                            "--default-signal=INT,TERM",
                            java(),
                            "--module-path",
                            lib() + ":" + pluginJar,
                            "-m",
                            "io.schedcp.cli/io.schedcp.cli.Main"),
                    Map.of());
        }

        static Schedcp classPath(Path pluginJar) {
            return new Schedcp(
                    List.of(
                            "env",
                            "--default-signal=INT,TERM",
                            java(),
                            "-cp",
                            lib().resolve("*") + ":" + pluginJar,
                            "io.schedcp.cli.Main"),
                    Map.of());
        }

        /** This launch with one more environment variable. */
        Schedcp env(String name, String value) {
            Map<String, String> more = new HashMap<>(env);
            more.put(name, value);
            return new Schedcp(command, more);
        }

        /** Starts schedcp with {@code args}; its output goes to the two files. */
        Process start(Path stdout, Path stderr, String... args) throws IOException {
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("SCHEDCP_"));
            environment.putAll(env);
            return builder.start();
        }

        /** Runs schedcp with {@code args} to the end, or kills it after {@code timeout}; output goes to {@code dir}. */
        Result run(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
            Path stdout = Files.createTempFile(dir, "out", ".txt");
            Path stderr = Files.createTempFile(dir, "err", ".txt");
            Process process = start(stdout, stderr, args);
            try {
                boolean ended = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
                assertThat(ended)
                        .as("schedcp %s ended within %s; stderr:%n%s", String.join(" ", args), timeout, read(stderr))
                        .isTrue();
                return new Result(process.exitValue(), read(stdout), read(stderr));
            } finally {
                kill(process);
            }
        }

        /** Ends {@code process} and whatever it started, so that no fake scheduler outlives a failed test. */
        static void kill(Process process) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        private static Path dist() {
            return Path.of(requiredProperty("schedcp.dist"));
        }

        private static Path lib() {
            return dist().resolve("lib");
        }

        private static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }

    /**
     * Builds a plugin jar the way its author would, from the sources under {@code plugin/NAME/} in the test
     * resources: javac against the schedcp-api jar alone, then a jar with module-info.class at its root and
     * the {@code META-INF/services} file that the class path needs.
     */
    private record PluginBuild(String name, String providerClass, List<String> sources) {

        static PluginBuild of(String name, String providerClass, String... sources) {
            return new PluginBuild(name, providerClass, List.of(sources));
        }

        Path jar(Path apiJar, Path builds) throws IOException {
            Path src = Files.createDirectories(builds.resolve(name + "/src"));
            Path classes = Files.createDirectories(builds.resolve(name + "/classes"));
            List<Path> files = new ArrayList<>();
            for (String source : sources) {
                files.add(copyResource("/plugin/" + name + "/" + source, src.resolve(source)));
            }
            compile(apiJar, files, classes);
            Path jar = builds.resolve(name + ".jar");
            writeJar(classes, jar);
            return jar;
        }

        private static Path copyResource(String resource, Path target) throws IOException {
            try (InputStream in = PluginIT.class.getResourceAsStream(resource)) {
                assertThat(in).as("test resource %s", resource).isNotNull();
                Files.copy(in, target);
            }
            return target;
        }

        /**
         * Compiles in this JVM with the JDK's javac. It is reached through {@code java.util.spi.ToolProvider},
         * which lives in java.base, because the test runs inside the io.schedcp.cli module, which does not read
         * the java.compiler module of {@code javax.tools}.
         */
        private void compile(Path apiJar, List<Path> files, Path classes) {
            ToolProvider javac = ToolProvider.findFirst("javac")
                    .orElseThrow(() -> new AssertionError("no javac in this JVM; the tests need a JDK, not a JRE"));
            List<String> args = new ArrayList<>(List.of(
                    "--release",
                    "17",
                    "-Xlint:all",
                    "-Werror",
                    "--module-path",
                    apiJar.toString(),
                    "-d",
                    classes.toString()));
            files.forEach(file -> args.add(file.toString()));
            StringWriter diagnostics = new StringWriter();
            PrintWriter print = new PrintWriter(diagnostics, true);
            int status = javac.run(print, print, args.toArray(String[]::new));
            assertThat(status)
                    .as("plugin %s compiles against %s alone:%n%s", name, apiJar, diagnostics)
                    .isZero();
        }

        private void writeJar(Path classes, Path jar) throws IOException {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest);
                    Stream<Path> walk = Files.walk(classes)) {
                for (Path path : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                    out.putNextEntry(
                            new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                    Files.copy(path, out);
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry("META-INF/services/" + SERVICE));
                out.write((providerClass + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }
}
