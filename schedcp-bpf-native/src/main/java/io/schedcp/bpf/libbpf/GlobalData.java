package io.schedcp.bpf.libbpf;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The global variables of one data section of a {@link BpfObject} ({@code .bss}, {@code .data},
 * {@code .rodata}, {@code .data.NAME}), by name, as their BTF describes them.
 *
 * <p>Before the object is loaded this is libbpf's image of the section ({@code bpf_map__initial_value}),
 * which the kernel gets at load: the place to set a program's {@code const volatile} options. After the load
 * it is the kernel's own memory, mapped into this process: reads see what programs wrote a moment ago
 * without a system call, and writes to {@code .bss} and {@code .data} reach the programs. {@code .rodata}
 * is frozen at load and cannot be written any more.
 *
 * <p>After the load a read or write is a memory access plus a name lookup, with no system call and no
 * allocation. The mapping is released when this view is closed, or with the object.
 */
public final class GlobalData implements AutoCloseable {

    private final BpfObject owner;
    private final Pointer map;
    private final String section;
    private List<GlobalVariable> variables;
    private Map<String, GlobalVariable> byName;
    private Pointer mapped;
    private long mappedLength;
    private boolean closed;

    GlobalData(BpfObject owner, Pointer map, String section) {
        this.owner = owner;
        this.map = map;
        this.section = section;
    }

    public String section() {
        return section;
    }

    /** The section's size in bytes. */
    public int size() {
        owner.handle();
        return owner.libbpf().bpf_map__value_size(map);
    }

    /** The section's variables by offset. */
    public synchronized List<GlobalVariable> variables() {
        if (variables == null) {
            variables = DataSectionLayout.variables(owner.libbpf(), owner.handle(), section);
            byName = new HashMap<>();
            variables.forEach(v -> byName.putIfAbsent(v.name(), v));
        }
        return variables;
    }

    public synchronized GlobalVariable variable(String name) {
        variables();
        GlobalVariable variable = byName.get(name);
        if (variable == null) {
            throw new SchedcpException(
                    Kind.NOT_FOUND,
                    "Section " + section + " of BPF object '" + owner.name()
                            + "' has no variable '" + name + "'; it has "
                            + variables.stream().map(GlobalVariable::name).toList() + ".");
        }
        return variable;
    }

    /** Whether writes are possible now: always before the load, and after it unless programs only read it. */
    public boolean isWritable() {
        return !owner.isLoaded() || !readOnlyToPrograms();
    }

    /** The whole section. */
    public synchronized byte[] read() {
        return memory().getByteArray(0, size());
    }

    public synchronized byte[] read(String variable) {
        GlobalVariable v = variable(variable);
        return memory().getByteArray(v.offset(), v.size());
    }

    public synchronized int readInt(String variable) {
        return memory().getInt(sized(variable, Integer.BYTES).offset());
    }

    public synchronized long readLong(String variable) {
        return memory().getLong(sized(variable, Long.BYTES).offset());
    }

    public synchronized void write(String variable, byte[] value) {
        GlobalVariable v = sized(variable, value.length);
        writableMemory(v).write(v.offset(), value, 0, value.length);
    }

    public synchronized void writeInt(String variable, int value) {
        GlobalVariable v = sized(variable, Integer.BYTES);
        writableMemory(v).setInt(v.offset(), value);
    }

    public synchronized void writeLong(String variable, long value) {
        GlobalVariable v = sized(variable, Long.BYTES);
        writableMemory(v).setLong(v.offset(), value);
    }

    /** Unmaps the kernel's memory, if it was mapped; closing twice does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (mapped != null) {
                Libbpf.libc().munmap(mapped, mappedLength);
                mapped = null;
            }
        }
        owner.release(this);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "section " + section;
    }

    private GlobalVariable sized(String name, int bytes) {
        GlobalVariable v = variable(name);
        if (v.size() != bytes) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Variable '" + name + "' in " + section + " of BPF object '" + owner.name() + "' is " + v.size()
                            + " bytes, not " + bytes + ".");
        }
        return v;
    }

    private Pointer writableMemory(GlobalVariable variable) {
        Pointer memory = memory();
        if (!isWritable()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Cannot write '" + variable.name() + "': " + section
                            + " of BPF object '" + owner.name()
                            + "' is read-only once the object is loaded; set it before "
                            + "load().");
        }
        return memory;
    }

    private Pointer memory() {
        owner.handle();
        if (closed) {
            throw new IllegalStateException("the view of " + subject() + " is closed");
        }
        if (owner.isLoaded()) {
            return mapped();
        }
        LongByReference size = new LongByReference();
        Pointer image = owner.libbpf().bpf_map__initial_value(map, size);
        if (image == null) {
            throw new SchedcpException(
                    Kind.UNAVAILABLE,
                    section + " of BPF object '" + owner.name() + "' has no initial image in libbpf.");
        }
        return image;
    }

    /** The kernel's memory of the section: libbpf 1.4 keeps pointing at its own image after load, so map it. */
    private Pointer mapped() {
        if (mapped == null) {
            int flags = owner.libbpf().bpf_map__map_flags(map);
            if ((flags & BpfMap.FLAG_MMAPABLE) == 0) {
                throw new SchedcpException(
                        Kind.UNAVAILABLE,
                        section + " of BPF object '" + owner.name()
                                + "' cannot be mapped into memory (the kernel lacks BPF_F_MMAPABLE, Linux 5.5 or later).");
            }
            LibC libc = Libbpf.libc();
            int page = libc.getpagesize();
            long length = ((long) size() + page - 1) / page * page;
            int protection = readOnlyToPrograms() ? LibC.PROT_READ : LibC.PROT_READ | LibC.PROT_WRITE;
            int fd = NativeErrors.check(owner.libbpf().bpf_map__fd(map), "bpf_map__fd", subject(), Kind.IO);
            Pointer address = libc.mmap(null, length, protection, LibC.MAP_SHARED, fd, 0);
            if (address == null || Pointer.nativeValue(address) == LibC.MAP_FAILED) {
                throw NativeErrors.failure("mmap", subject(), NativeErrors.lastErrno(), Kind.IO);
            }
            mapped = address;
            mappedLength = length;
        }
        return mapped;
    }

    private String subject() {
        return "section " + section + " of BPF object '" + owner.name() + "'";
    }

    private boolean readOnlyToPrograms() {
        return (owner.libbpf().bpf_map__map_flags(map) & BpfMap.FLAG_RDONLY_PROG) != 0;
    }
}
