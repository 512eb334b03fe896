package io.schedcp.bpf.libbpf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the host tests need: libbpf.so.1, clang for the BPF target, and root for the bpf() syscall. Without
 * them the tests are skipped with a loud message, except on CI ({@code CI=true}), where they fail. The BPF
 * programs under {@code src/test/bpf} are compiled once per test run.
 */
final class HostBpf {

    static final String PROBE = "binding_probe";
    static final String REJECTED = "rejected_by_verifier";

    private static final Map<String, Path> COMPILED = new HashMap<>();
    private static boolean told;

    private HostBpf() {}

    /** Skips (or on CI fails) the calling test unless this host can load BPF programs. */
    static void assumeReady() {
        List<String> missing = new ArrayList<>();
        Libbpf.unavailableReason().ifPresent(missing::add);
        if (clang().isEmpty()) {
            missing.add("no clang for the BPF target (looked for /usr/bin/clang-22, /usr/bin/clang-19, clang)");
        }
        if (!isRoot()) {
            missing.add("not root: the bpf() syscall needs CAP_BPF");
        }
        if (missing.isEmpty()) {
            return;
        }
        String reason = "libbpf host tests cannot run here: " + String.join("; ", missing);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        synchronized (HostBpf.class) {
            if (!told) {
                told = true;
                System.err.println("\n*** SKIPPING the libbpf host tests: " + reason + " ***\n");
            }
        }
        Assumptions.abort(reason);
    }

    /** The compiled object of {@code src/test/bpf/NAME.bpf.c}. */
    static synchronized Path object(String name) {
        assumeReady();
        Path compiled = COMPILED.get(name);
        if (compiled == null) {
            compiled = compile(name);
            COMPILED.put(name, compiled);
        }
        return compiled;
    }

    private static Path compile(String name) {
        Path sources = Path.of(System.getProperty("schedcp.test.bpfSources", "src/test/bpf"));
        Path objects = Path.of(System.getProperty("schedcp.test.bpfObjects", "target/test-bpf"));
        Path source = sources.resolve(name + ".bpf.c");
        Path object = objects.resolve(name + ".bpf.o");
        List<String> command = new ArrayList<>(
                List.of(clang().orElseThrow().toString(), "-target", "bpf", "-O2", "-g", "-I/usr/include"));
        multiarchIncludes().ifPresent(dir -> command.addAll(List.of("-idirafter", dir.toString())));
        command.addAll(List.of("-c", source.toString(), "-o", object.toString()));
        try {
            Files.createDirectories(objects);
            Process clang =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!clang.waitFor(60, TimeUnit.SECONDS) || clang.exitValue() != 0) {
                fail("could not compile " + source + ": " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            fail("could not run clang on " + source, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted compiling " + source);
        }
        return object;
    }

    static Optional<Path> clang() {
        Stream<Path> candidates = Stream.concat(
                Stream.of(Path.of("/usr/bin/clang-22"), Path.of("/usr/bin/clang-19")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                        .filter(dir -> !dir.isEmpty())
                        .map(dir -> Path.of(dir, "clang")));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    /** {@code <asm/types.h>} lives in the multiarch directory, which a BPF-target clang does not search. */
    private static Optional<Path> multiarchIncludes() {
        return Stream.of("x86_64-linux-gnu", "aarch64-linux-gnu")
                .map(dir -> Path.of("/usr/include", dir))
                .filter(Files::isDirectory)
                .findFirst();
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
