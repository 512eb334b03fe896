package io.schedcp.bpf.libbpf;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The option structs libbpf takes, laid out by hand for LP64 (checked against libbpf 1.4's headers with
 * {@code offsetof}). Each starts with its own size, so a newer libbpf reads the fields it knows and an
 * older one accepts the trailing zeros.
 */
final class NativeStructs {

    /** {@code struct bpf_object_open_opts}: sz, object_name at 8, ..., bpf_token_path at 80. */
    static final int OPEN_OPTS_SIZE = 88;

    private static final int OPEN_OPTS_OBJECT_NAME = 8;

    /** {@code struct bpf_test_run_opts}: sz, ..., ctx_in at 32, ctx_size_in at 48, retval at 56. */
    static final int TEST_RUN_OPTS_SIZE = 80;

    private static final int TEST_RUN_CTX_IN = 32;
    private static final int TEST_RUN_CTX_SIZE_IN = 48;
    private static final int TEST_RUN_RETVAL = 56;

    private NativeStructs() {}

    /**
     * Open options naming the object. The returned struct points into {@code name}, which the caller keeps
     * alive for the call; libbpf copies the name.
     */
    static Memory openOpts(Optional<Memory> name) {
        Memory opts = zeroed(OPEN_OPTS_SIZE);
        opts.setLong(0, OPEN_OPTS_SIZE);
        name.ifPresent(n -> opts.setPointer(OPEN_OPTS_OBJECT_NAME, n));
        return opts;
    }

    static Memory cString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Memory memory = new Memory(bytes.length + 1L);
        memory.write(0, bytes, 0, bytes.length);
        memory.setByte(bytes.length, (byte) 0);
        return memory;
    }

    /** Test-run options passing {@code context} (may be null) as the program's context. */
    static Memory testRunOpts(Pointer context, int contextSize) {
        Memory opts = zeroed(TEST_RUN_OPTS_SIZE);
        opts.setLong(0, TEST_RUN_OPTS_SIZE);
        opts.setPointer(TEST_RUN_CTX_IN, context);
        opts.setInt(TEST_RUN_CTX_SIZE_IN, contextSize);
        return opts;
    }

    static int testRunReturnValue(Memory opts) {
        return opts.getInt(TEST_RUN_RETVAL);
    }

    private static Memory zeroed(int size) {
        Memory memory = new Memory(size);
        memory.clear();
        return memory;
    }
}
