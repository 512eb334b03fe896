package io.schedcp.bpf.libbpf;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.schedcp.api.SchedcpException.Kind;

/**
 * A program of a {@link BpfObject}. It lives and dies with the object, so it holds nothing to close.
 */
public final class BpfProgram {

    private final BpfObject owner;
    private final Pointer program;
    private final String name;

    BpfProgram(BpfObject owner, Pointer program, String name) {
        this.owner = owner;
        this.program = program;
        this.name = name;
    }

    /** The name of the program's C function. */
    public String name() {
        return name;
    }

    /** The program's file descriptor in this process, once the object is loaded. */
    public int fd() {
        owner.requireLoaded("use program '" + name + "'");
        return NativeErrors.check(owner.libbpf().bpf_program__fd(program), "bpf_program__fd", subject(), Kind.IO);
    }

    /** Runs the program once in the kernel ({@code BPF_PROG_TEST_RUN}) and returns what it returned. */
    public int run() {
        return run(new byte[0]);
    }

    /**
     * Runs the program once in the kernel with {@code context} as its context argument, as a
     * {@code SEC("syscall")} program is run, and returns what it returned.
     */
    public int run(byte[] context) {
        int fd = fd();
        Memory contextMemory = context.length == 0 ? null : new Memory(context.length);
        try {
            if (contextMemory != null) {
                contextMemory.write(0, context, 0, context.length);
            }
            Memory opts = NativeStructs.testRunOpts(contextMemory, context.length);
            NativeErrors.check(
                    owner.libbpf().bpf_prog_test_run_opts(fd, opts), "bpf_prog_test_run_opts", subject(), Kind.IO);
            return NativeStructs.testRunReturnValue(opts);
        } finally {
            if (contextMemory != null) {
                contextMemory.close();
            }
        }
    }

    @Override
    public String toString() {
        return "program '" + name + "'";
    }

    private String subject() {
        return "program '" + name + "' of BPF object '" + owner.name() + "'";
    }
}
