package io.schedcp.bpf.libbpf;

import com.sun.jna.Native;
import io.schedcp.api.SchedcpException;
import io.schedcp.core.ConfigVariable;
import io.schedcp.core.SchedcpConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The system's libbpf, loaded once on first use: {@code libbpf.so.1} from the library path, or the file
 * named by the system property {@code schedcp.libbpf} or the environment variable {@code SCHEDCP_LIBBPF}.
 * Loading it routes libbpf's messages to SLF4J ({@link LibbpfLog}).
 */
public final class Libbpf {

    private static final Logger LOG = LoggerFactory.getLogger(Libbpf.class);

    static final String SONAME = "libbpf.so.1";

    private Libbpf() {}

    /** Loaded on first use; a failure is kept and reported by every later call. */
    private static final class Loaded {
        static final LibbpfNative LIBBPF;
        static final LibC LIBC;
        static final String PROBLEM;

        static {
            LibbpfNative libbpf = null;
            LibC libc = null;
            String problem = null;
            String library = location();
            chooseJnaTempDirectory();
            try {
                if (Native.POINTER_SIZE != 8) {
                    problem = "schedcp's libbpf binding needs a 64-bit JVM";
                } else {
                    libc = Native.load("c", LibC.class);
                    libbpf = Native.load(library, LibbpfNative.class);
                    LibbpfLog.install(libbpf, libc);
                    LOG.debug("loaded libbpf {} from {}", libbpf.libbpf_version_string(), library);
                }
            } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
                libbpf = null;
                problem = "could not load " + library + " (" + firstLines(String.valueOf(e.getMessage()))
                        + "); install libbpf 1.x "
                        + "(Debian: apt-get install libbpf1) or point SCHEDCP_LIBBPF at libbpf.so.1";
            }
            LIBBPF = libbpf;
            LIBC = libc;
            PROBLEM = problem;
        }
    }

    /**
     * JNA unpacks its native stub into {@code java.io.tmpdir}. Where that is not writable (a read-only /tmp,
     * as in the kernel lab's guest) and {@code jna.tmpdir} is not set, use $TMPDIR or schedcp's home.
     */
    private static void chooseJnaTempDirectory() {
        jnaTempDirectory(
                        Optional.ofNullable(System.getProperty("jna.tmpdir")),
                        Path.of(System.getProperty("java.io.tmpdir", "/tmp")),
                        Optional.ofNullable(System.getenv("TMPDIR"))
                                .filter(v -> !v.isBlank())
                                .map(Path::of),
                        SchedcpConfig.fromEnvironment().home())
                .ifPresent(dir -> System.setProperty("jna.tmpdir", dir.toString()));
    }

    /** The directory to give JNA, when the JVM's own will not do; creates it. */
    static Optional<Path> jnaTempDirectory(
            Optional<String> jnaTmpdir, Path javaTmpdir, Optional<Path> tmpdirEnv, Path schedcpHome) {
        if (jnaTmpdir.isPresent() || Files.isWritable(javaTmpdir)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        tmpdirEnv.ifPresent(candidates::add);
        candidates.add(schedcpHome.resolve("tmp"));
        for (Path dir : candidates) {
            try {
                Files.createDirectories(dir);
                if (Files.isWritable(dir)) {
                    return Optional.of(dir);
                }
            } catch (IOException e) {
                LOG.debug("cannot use {} for JNA's native stub", dir, e);
            }
        }
        return Optional.empty();
    }

    /** JNA's message names the file on its first line and says why on the second, then lists its search. */
    private static String firstLines(String message) {
        return message == null ? "" : message.lines().limit(2).collect(Collectors.joining(" "));
    }

    private static String location() {
        String property = System.getProperty("schedcp.libbpf");
        if (property != null && !property.isBlank()) {
            return property;
        }
        return SchedcpConfig.fromEnvironment().value(ConfigVariable.LIBBPF).orElse(SONAME);
    }

    public static boolean isAvailable() {
        return Loaded.LIBBPF != null;
    }

    /** Why libbpf cannot be used here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(Loaded.PROBLEM);
    }

    /** libbpf's version, for example {@code v1.4}. */
    public static String version() {
        return lib().libbpf_version_string();
    }

    static LibbpfNative lib() {
        if (Loaded.LIBBPF == null) {
            throw new SchedcpException(SchedcpException.Kind.UNAVAILABLE, Loaded.PROBLEM);
        }
        return Loaded.LIBBPF;
    }

    static LibC libc() {
        lib();
        return Loaded.LIBC;
    }
}
