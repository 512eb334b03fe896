package io.schedcp.bpf.scx;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.bpf.custom.BpfCompiler;
import io.schedcp.bpf.custom.CompileResult;
import io.schedcp.lab.LabToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The BPF object of a scheduler whose source ships in a schedcp jar (scx_slo, scx_userspace), for the toolchain
 * at hand: compiled with the toolchain {@code bpf/setup.sh} recorded (its clang, and the kernel headers its
 * flags name) the first time, then kept in the cache directory under a name made from the hash of the source,
 * the header and the compiler's command line. A new schedcp, or a new kernel's headers, gives a new name, so a
 * stale object is never used.
 */
public final class BundledObjectBuilder {

    private final BundledSources sources;
    private final Path cacheDirectory;
    private final Optional<LabToolchain> toolchain;

    /** @param cacheDirectory where objects are kept; made when missing */
    public BundledObjectBuilder(BundledSources sources, Path cacheDirectory, Optional<LabToolchain> toolchain) {
        this.sources = sources;
        this.cacheDirectory = cacheDirectory;
        this.toolchain = toolchain;
    }

    /**
     * Objects in {@code HOME/DIRECTORY}, compiled with the toolchain of the lab cache that {@code env} names (its
     * {@code SCHEDCP_CACHE}, or the user's cache).
     */
    public static BundledObjectBuilder inHome(
            BundledSources sources, Path home, String directory, Map<String, String> env) {
        Path cache = LabToolchain.cacheDirectory(env, Path.of(System.getProperty("user.home")));
        return new BundledObjectBuilder(sources, home.resolve(directory), LabToolchain.load(cache));
    }

    /** Whether an object can be had: a toolchain to compile with is set up. */
    public Optional<String> whyUnavailable() {
        return toolchain.isPresent()
                ? Optional.empty()
                : Optional.of("the BPF toolchain that compiles " + sources.scheduler()
                        + " is not set up: run bpf/setup.sh, see docs/lab.md");
    }

    /** The object, and whether it was compiled now and how long that took. */
    public record Built(Path object, Optional<Duration> compiledIn) {}

    /** The object's path in the cache; compiles it first when the cache does not hold it. */
    public Built build() throws InterruptedException {
        whyUnavailable().ifPresent(why -> {
            throw new SchedcpException(Kind.UNAVAILABLE, why);
        });
        LabToolchain found = toolchain.orElseThrow();
        String scheduler = sources.scheduler();
        byte[] source = sources.read(sources.sourceName());
        byte[] header = sources.read(sources.headerName());
        String compiler = found.properties().getProperty("clang", "") + " "
                + found.properties().getProperty("bpf_cflags", "");
        Path object = cacheDirectory.resolve(scheduler + "-" + hash(source, header, compiler) + ".bpf.o");
        if (Files.isRegularFile(object)) {
            return new Built(object, Optional.empty());
        }
        BpfCompiler clang = BpfCompiler.of(toolchain);
        Path work = null;
        try {
            Files.createDirectories(cacheDirectory);
            work = Files.createTempDirectory(cacheDirectory, "build-");
            Files.write(work.resolve(sources.sourceName()), source);
            Files.write(work.resolve(sources.headerName()), header);
            Path built = work.resolve(scheduler + ".bpf.o");
            CompileResult result = clang.compile(work.resolve(sources.sourceName()), built);
            if (!result.succeeded()) {
                throw new SchedcpException(
                        Kind.START_FAILED,
                        scheduler + "'s BPF source did not compile with " + found.manifest() + "'s toolchain: "
                                + result.output().stream().limit(20).collect(Collectors.joining("\n"))
                                + "\nrun bpf/setup.sh again; if it still fails, report it with this output");
            }
            Files.move(built, object, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Built(object, Optional.of(result.duration()));
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO,
                    "could not compile " + scheduler + " into " + cacheDirectory + ": " + e.getMessage()
                            + "; check that the directory is writable (it is in the schedcp home)",
                    e);
        } finally {
            deleteQuietly(work);
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
