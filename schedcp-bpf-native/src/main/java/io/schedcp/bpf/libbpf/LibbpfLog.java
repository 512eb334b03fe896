package io.schedcp.bpf.libbpf;

import com.sun.jna.Memory;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libbpf's print callback, bridged to SLF4J: libbpf's warnings, informational and debug messages go to
 * the logger {@code io.schedcp.bpf.libbpf.LibbpfLog} at WARN, INFO and DEBUG. A thread that loads an
 * object can also {@link #capture()} what libbpf prints meanwhile, to report the verifier's log; libbpf
 * prints from the thread that called it, so a thread-local capture sees exactly its own load.
 *
 * <p>The callback gets a C {@code va_list}, which only libc can read: it is formatted with
 * {@code vsnprintf} into a per-thread buffer, and formatted again into a larger one when it did not fit
 * (from a copy of the {@code va_list}, since formatting consumes it). Messages no one wants are not
 * formatted at all.
 */
final class LibbpfLog {

    private static final Logger LOG = LoggerFactory.getLogger(LibbpfLog.class);

    /** {@code enum libbpf_print_level}: WARN, INFO, then DEBUG. */
    static final int WARN = 0;

    static final int INFO = 1;

    private static final int BUFFER_SIZE = 4096;
    /** Bytes of a {@code va_list} behind the pointer the callback gets; 0 where it is not known. */
    private static final int VA_LIST_SIZE = Platform.isIntel() ? 24 : Platform.isARM() ? 32 : 0;

    private static final ThreadLocal<Capture> CAPTURE = new ThreadLocal<>();
    private static final ThreadLocal<Memory> BUFFER = ThreadLocal.withInitial(() -> new Memory(BUFFER_SIZE));
    private static final ThreadLocal<Memory> VA_COPY =
            ThreadLocal.withInitial(() -> new Memory(Math.max(VA_LIST_SIZE, 8)));

    /** Held for as long as libbpf may call it: JNA frees the native stub of a collected callback. */
    private static LibbpfNative.PrintFn callback;

    private static LibC libc;

    private LibbpfLog() {}

    static synchronized void install(LibbpfNative libbpf, LibC c) {
        if (callback == null) {
            libc = c;
            callback = LibbpfLog::print;
            libbpf.libbpf_set_print(callback);
        }
    }

    /** What libbpf prints on this thread until the capture is closed. */
    static Capture capture() {
        Capture capture = new Capture(CAPTURE.get());
        CAPTURE.set(capture);
        return capture;
    }

    /** libbpf's messages printed on one thread, each without its {@code libbpf: } prefix. */
    static final class Capture implements AutoCloseable {
        /** The capture this one interrupts, which sees the same messages and resumes when this closes. */
        private final Capture outer;

        private final List<String> messages = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        private Capture(Capture outer) {
            this.outer = outer;
        }

        void add(int level, String message) {
            messages.add(message);
            if (level == WARN) {
                warnings.add(message);
            }
            if (outer != null) {
                outer.add(level, message);
            }
        }

        /** Everything printed, in order, one message per entry (a message may span lines). */
        List<String> messages() {
            return List.copyOf(messages);
        }

        List<String> warnings() {
            return List.copyOf(warnings);
        }

        @Override
        public void close() {
            if (CAPTURE.get() == this) {
                if (outer == null) {
                    CAPTURE.remove();
                } else {
                    CAPTURE.set(outer);
                }
            }
        }
    }

    private static int print(int level, Pointer format, Pointer args) {
        try {
            Capture capture = CAPTURE.get();
            if (capture == null && !enabled(level)) {
                return 0;
            }
            String message = strip(format(format, args));
            if (capture != null) {
                capture.add(level, message);
            }
            log(level, capture != null, message);
        } catch (RuntimeException | Error e) {
            // Nothing may be thrown back into libbpf.
            LOG.debug("could not format a libbpf message", e);
        }
        return 0;
    }

    private static boolean enabled(int level) {
        return switch (level) {
            case WARN -> LOG.isWarnEnabled();
            case INFO -> LOG.isInfoEnabled();
            default -> LOG.isDebugEnabled();
        };
    }

    private static void log(int level, boolean captured, String message) {
        // A verifier log can run to megabytes; the loader reports its essence, the whole goes to DEBUG.
        if (captured && VerifierLog.containsProgramLog(message)) {
            LOG.debug("{}", message);
            return;
        }
        switch (level) {
            case WARN -> LOG.warn("{}", message);
            case INFO -> LOG.info("{}", message);
            default -> LOG.debug("{}", message);
        }
    }

    static String strip(String message) {
        String text = message.startsWith("libbpf: ") ? message.substring(8) : message;
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String format(Pointer format, Pointer args) {
        Memory buffer = BUFFER.get();
        Pointer firstArgs = args;
        if (VA_LIST_SIZE > 0) {
            Memory copy = VA_COPY.get();
            copy.write(0, args.getByteArray(0, VA_LIST_SIZE), 0, VA_LIST_SIZE);
            firstArgs = copy;
        }
        int length = libc.vsnprintf(buffer, buffer.size(), format, firstArgs);
        if (length < 0) {
            return format.getString(0, "UTF-8");
        }
        if (length < buffer.size() || VA_LIST_SIZE == 0) {
            return buffer.getString(0, "UTF-8");
        }
        Memory large = new Memory(length + 1L);
        libc.vsnprintf(large, large.size(), format, args);
        return large.getString(0, "UTF-8");
    }
}
