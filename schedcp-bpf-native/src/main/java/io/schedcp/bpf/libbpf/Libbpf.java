package io.schedcp.bpf.libbpf;

import com.sun.jna.Native;
import io.schedcp.api.SchedcpException;
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

    private Libbpf() {
    }

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
            if (Native.POINTER_SIZE != 8) {
                problem = "schedcp's libbpf binding needs a 64-bit JVM";
            } else {
                try {
                    libc = Native.load("c", LibC.class);
                    libbpf = Native.load(library, LibbpfNative.class);
                    LibbpfLog.install(libbpf, libc);
                    LOG.debug("loaded libbpf {} from {}", libbpf.libbpf_version_string(), library);
                } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                    libbpf = null;
                    problem = "could not load " + library + " (" + firstLines(e.getMessage())
                            + "); install libbpf 1.x "
                            + "(Debian: apt-get install libbpf1) or point SCHEDCP_LIBBPF at libbpf.so.1";
                }
            }
            LIBBPF = libbpf;
            LIBC = libc;
            PROBLEM = problem;
        }
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
        String env = System.getenv("SCHEDCP_LIBBPF");
        return env != null && !env.isBlank() ? env : SONAME;
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
