package io.schedcp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code bin/schedcp} run as a child process, its output captured as it comes. */
final class LauncherProcess implements AutoCloseable {

    static final Path DIST = Path.of(System.getProperty("schedcp.dist", "target/schedcp"));

    private final Process process;
    // Synchronized: the reader threads append while the test reads.
    @SuppressWarnings("JdkObsolete")
    private final StringBuffer out = new StringBuffer();

    @SuppressWarnings("JdkObsolete")
    private final StringBuffer err = new StringBuffer();

    private LauncherProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), out);
        pump(process.getErrorStream(), err);
    }

    static LauncherProcess start(Map<String, String> env, String... args) throws IOException {
        return startFrom(DIST, env, args);
    }

    /** Starts the launcher of the dist in {@code dist}, e.g. a copy of it. */
    static LauncherProcess startFrom(Path dist, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = builder(dist, env, args);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new LauncherProcess(builder.start());
    }

    /** {@code bin/schedcp args} of the dist in {@code dist}, with {@code env} only and this JVM's Java. */
    static ProcessBuilder builder(Path dist, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(dist.resolve("bin/schedcp").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    /** Copies what {@code in} gives into {@code into} as it comes, on a daemon thread. */
    static void pump(InputStream in, StringBuffer into) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                into.append("[read failed: ").append(e.getMessage()).append(']');
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    long pid() {
        return process.pid();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Waits until stderr contains {@code text}; fails with what was printed if it does not in time. */
    void awaitErr(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!err.toString().contains(text)) {
            if (System.nanoTime() > deadline
                    || (!process.isAlive() && !err.toString().contains(text))) {
                Thread.sleep(200);
                if (err.toString().contains(text)) {
                    return;
                }
                throw new AssertionError("stderr never said '" + text + "'.\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            Thread.sleep(20);
        }
    }

    void signal(String name) throws IOException, InterruptedException {
        signal(name, process.pid());
    }

    static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -s " + name + " " + pid + " failed");
        }
    }

    /** The pid of the scheduler program the CLI started (its child). */
    long childPid() {
        return child().orElseThrow(() -> new AssertionError("no child process")).pid();
    }

    /**
     * The pid of the scheduler program, waiting up to {@code timeout} for it: the CLI says it is starting a
     * scheduler just before it starts the program.
     */
    long awaitChildPid(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (child().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return childPid();
    }

    private java.util.Optional<ProcessHandle> child() {
        return process.descendants()
                .filter(p -> p.info().command().map(c -> !c.endsWith("java")).orElse(true))
                .findFirst();
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("schedcp did not exit in " + timeout + ".\nstdout:\n" + out + "\nstderr:\n" + err);
        }
        Thread.sleep(100);
        return process.exitValue();
    }

    /** The exit status, once {@link #awaitExit} returned. */
    int exitCode() {
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
