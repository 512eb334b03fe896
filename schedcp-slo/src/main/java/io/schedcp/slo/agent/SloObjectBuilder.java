package io.schedcp.slo.agent;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.bpf.custom.BpfCompiler;
import io.schedcp.bpf.custom.CompileResult;
import io.schedcp.lab.LabToolchain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * scx_slo's BPF object for the toolchain at hand: its source and header ship in this jar, and are compiled
 * with the toolchain {@code bpf/setup.sh} recorded (its clang, and the kernel headers its flags name) the first
 * time, then kept in the cache directory under a name made from the hash of the source, the header and the
 * compiler's command line. A new schedcp, or a new kernel's headers, gives a new name, so a stale object is
 * never used.
 */
public final class SloObjectBuilder {

    static final String SOURCE = "scx_slo.bpf.c";
    static final String HEADER = "scx_slo.h";

    private final Path cacheDirectory;
    private final Optional<LabToolchain> toolchain;

    /** @param cacheDirectory where objects are kept; made when missing */
    public SloObjectBuilder(Path cacheDirectory, Optional<LabToolchain> toolchain) {
        this.cacheDirectory = cacheDirectory;
        this.toolchain = toolchain;
    }

    /** Whether an object can be had: a toolchain to compile with is set up. */
    public Optional<String> whyUnavailable() {
        return toolchain.isPresent()
                ? Optional.empty()
                : Optional.of(
                        "the BPF toolchain that compiles scx_slo is not set up: run bpf/setup.sh, see docs/lab.md");
    }

    /** The object, and whether it was compiled now and how long that took. */
    public record Built(Path object, Optional<Duration> compiledIn) {}

    /** The object's path in the cache; compiles it first when the cache does not hold it. */
    public Built build() throws InterruptedException {
        whyUnavailable().ifPresent(why -> {
            throw new SchedcpException(Kind.UNAVAILABLE, why);
        });
        LabToolchain found = toolchain.orElseThrow();
        byte[] source = resource(SOURCE);
        byte[] header = resource(HEADER);
        String compiler = found.properties().getProperty("clang", "") + " "
                + found.properties().getProperty("bpf_cflags", "");
        Path object = cacheDirectory.resolve("scx_slo-" + hash(source, header, compiler) + ".bpf.o");
        if (Files.isRegularFile(object)) {
            return new Built(object, Optional.empty());
        }
        BpfCompiler clang = BpfCompiler.of(toolchain);
        Path work = null;
        try {
            Files.createDirectories(cacheDirectory);
            work = Files.createTempDirectory(cacheDirectory, "build-");
            Files.write(work.resolve(SOURCE), source);
            Files.write(work.resolve(HEADER), header);
            Path built = work.resolve("scx_slo.bpf.o");
            CompileResult result = clang.compile(work.resolve(SOURCE), built);
            if (!result.succeeded()) {
                throw new SchedcpException(
                        Kind.START_FAILED,
                        "scx_slo's BPF source did not compile with " + found.manifest() + "'s toolchain: "
                                + result.output().stream().limit(20).collect(Collectors.joining("\n"))
                                + "\nrun bpf/setup.sh again; if it still fails, report it with this output");
            }
            Files.move(built, object, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Built(object, Optional.of(result.duration()));
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO,
                    "could not compile scx_slo into " + cacheDirectory + ": " + e.getMessage()
                            + "; check that the directory is writable (it is in the schedcp home)",
                    e);
        } finally {
            deleteQuietly(work);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = SloObjectBuilder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new SchedcpException(
                        Kind.UNAVAILABLE,
                        "this schedcp was built without scx_slo's BPF source (" + name + " is not in "
                                + "schedcp-slo's jar); rebuild it with mvn package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SchedcpException(Kind.IO, "could not read " + name + " from schedcp-slo's jar", e);
        }
    }

    static String hash(byte[] source, byte[] header, String compiler) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(source);
            sha.update((byte) 0);
            sha.update(header);
            sha.update((byte) 0);
            sha.update(compiler.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover build directory in the cache holds nothing anyone reads.
        }
    }
}
