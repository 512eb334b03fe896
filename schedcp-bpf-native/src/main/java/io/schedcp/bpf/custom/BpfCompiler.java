package io.schedcp.bpf.custom;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.process.ChildEnvironment;
import io.schedcp.lab.LabToolchain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The BPF compiler front: runs clang for the BPF target with the flags {@code bpf/setup.sh} recorded, against
 * the lab kernel's {@code vmlinux.h}, the scx headers and libbpf's headers.
 */
public final class BpfCompiler {

    static final Duration TIME_LIMIT = Duration.ofMinutes(3);

    private final Path clang;
    private final List<String> flags;

    public BpfCompiler(Path clang, List<String> flags) {
        this.clang = clang;
        this.flags = List.copyOf(flags);
    }

    /** The compiler the lab toolchain describes, or an UNAVAILABLE failure that says how to set it up. */
    public static BpfCompiler of(Optional<LabToolchain> toolchain) {
        LabToolchain found = toolchain.orElseThrow(() -> new SchedcpException(
                Kind.UNAVAILABLE,
                "the BPF toolchain is not set up (no lab toolchain manifest): run bpf/setup.sh, see docs/lab.md"));
        String clang = found.properties().getProperty("clang", "");
        String cflags = found.properties().getProperty("bpf_cflags", "");
        if (clang.isBlank() || !Files.isExecutable(Path.of(clang)) || cflags.isBlank()) {
            throw new SchedcpException(
                    Kind.UNAVAILABLE,
                    "the BPF toolchain in " + found.manifest() + " names no "
                            + "usable clang or BPF flags: run bpf/setup.sh again, see docs/lab.md");
        }
        return new BpfCompiler(Path.of(clang), Arrays.asList(cflags.trim().split("\\s+")));
    }

    /**
     * Compiles {@code source} into {@code object}. clang runs in the source's directory with the file's own
     * name, so its messages read {@code name.bpf.c:12:5: error: ...}.
     */
    public CompileResult compile(Path source, Path object) throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(clang.toString());
        command.addAll(flags);
        // vmlinux.h of recent kernels needs -fms-extensions, which makes clang warn about its anonymous
        // members in every compile: noise about the kernel's header, not about the user's source.
        command.addAll(List.of(
                "-fno-color-diagnostics",
                "-Wno-microsoft-anon-tag",
                "-c",
                source.getFileName().toString(),
                "-o",
                object.toAbsolutePath().toString()));
        Path directory = source.toAbsolutePath().getParent();
        long start = System.nanoTime();
        Process process;
        try {
            Files.deleteIfExists(object);
            process = ChildEnvironment.builder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO, "could not run " + clang + ": " + e.getMessage() + "; run bpf/setup.sh to install it", e);
        }
        closeQuietly(process);
        List<String> output = readAll(process.getInputStream());
        boolean ended = process.waitFor(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly();
            throw new SchedcpException(
                    Kind.START_FAILED,
                    "clang did not finish compiling " + source + " within " + TIME_LIMIT.toMinutes() + " minutes");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean compiled = process.exitValue() == 0 && Files.isRegularFile(object);
        return new CompileResult(
                compiled ? Optional.of(object) : Optional.empty(), CompilerDiagnostic.parseAll(output), output, took);
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // clang reads no input; nothing to do.
        }
    }

    private static List<String> readAll(InputStream in) {
        try (in) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        } catch (IOException e) {
            return List.of("(clang's output could not be read: " + e.getMessage() + ")");
        }
    }
}
