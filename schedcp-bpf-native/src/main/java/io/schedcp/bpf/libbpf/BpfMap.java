package io.schedcp.bpf.libbpf;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A map of a {@link BpfObject}: its shape at any time, its entries once the object is loaded. Keys and
 * values are raw bytes in the machine's order, or, for the common shapes, {@code int}/{@code long}: a
 * {@code long} key is written as 4 or 8 bytes to fit the map's key size (4-byte keys read back unsigned).
 *
 * <p>For per-CPU maps a value is one slot per possible CPU, each rounded up to 8 bytes, as the kernel
 * returns them: {@link #valueBufferSize()} bytes in all.
 *
 * <p>Entry operations reuse native buffers held by the view and read the map's shape once, so the numeric
 * ones allocate no native memory and little else per call (JNA still boxes the arguments of a call); they
 * are synchronized on the view. {@link #close()} frees the buffers (the object closes its views when it
 * closes); the kernel map itself belongs to the object.
 */
public final class BpfMap implements AutoCloseable {

    static final int TYPE_PERCPU_HASH = 5;
    static final int TYPE_PERCPU_ARRAY = 6;
    static final int TYPE_LRU_PERCPU_HASH = 10;
    static final int TYPE_PERCPU_CGROUP_STORAGE = 21;
    static final int TYPE_STRUCT_OPS = 26;
    static final int TYPE_RINGBUF = 27;
    static final int TYPE_USER_RINGBUF = 31;

    /** {@code BPF_F_RDONLY_PROG}: programs only read it; libbpf freezes such a data section at load. */
    static final int FLAG_RDONLY_PROG = 0x80;
    /** {@code BPF_F_MMAPABLE}: user space can map its memory. */
    static final int FLAG_MMAPABLE = 0x400;

    /** What entry operations need, fixed once the object is loaded. */
    private record Shape(int fd, int keySize, int valueSize, boolean perCpu) {}

    private final BpfObject owner;
    private final Pointer map;
    private final String name;
    private Shape shape;
    private Memory key;
    private Memory nextKey;
    private Memory value;
    private boolean closed;

    BpfMap(BpfObject owner, Pointer map, String name) {
        this.owner = owner;
        this.map = map;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The kernel's {@code enum bpf_map_type} value, for example 1 for a hash map. */
    public int type() {
        return lib().bpf_map__type(handle());
    }

    /** libbpf's name for the type: {@code hash}, {@code array}, {@code ringbuf}, {@code user_ringbuf}... */
    public String typeName() {
        String typeName = lib().libbpf_bpf_map_type_str(type());
        return typeName == null ? "type " + type() : typeName;
    }

    public int keySize() {
        return lib().bpf_map__key_size(handle());
    }

    public int valueSize() {
        return lib().bpf_map__value_size(handle());
    }

    public int maxEntries() {
        return lib().bpf_map__max_entries(handle());
    }

    public boolean isPerCpu() {
        int type = type();
        return type == TYPE_PERCPU_HASH
                || type == TYPE_PERCPU_ARRAY
                || type == TYPE_LRU_PERCPU_HASH
                || type == TYPE_PERCPU_CGROUP_STORAGE;
    }

    /** The bytes of one value as lookups return it: the value size, or for per-CPU maps all CPUs' slots. */
    public int valueBufferSize() {
        return isPerCpu() ? roundUp8(valueSize()) * Libbpf.lib().libbpf_num_possible_cpus() : valueSize();
    }

    /** The map's file descriptor in this process, once loaded; it stays the object's. */
    public int fd() {
        owner.requireLoaded("use map '" + name + "'");
        return NativeErrors.check(lib().bpf_map__fd(handle()), "bpf_map__fd", subject(), Kind.IO);
    }

    // raw entries

    /** The value stored under {@code key}, or empty when there is none. */
    public synchronized Optional<byte[]> lookup(byte[] key) {
        int fd = prepare("look up in");
        putKey(key);
        int result = lib().bpf_map_lookup_elem(fd, this.key, value);
        if (result == -Errno.ENOENT) {
            return Optional.empty();
        }
        NativeErrors.check(result, "bpf_map_lookup_elem", subject(), Kind.IO);
        return Optional.of(value.getByteArray(0, (int) value.size()));
    }

    public void update(byte[] key, byte[] value) {
        update(key, value, UpdateFlag.ANY);
    }

    public synchronized void update(byte[] key, byte[] value, UpdateFlag flag) {
        int fd = prepare("update");
        putKey(key);
        if (value.length != this.value.size()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Map '" + name + "' takes " + this.value.size()
                            + "-byte values" + (isPerCpu() ? " (one slot per possible CPU)" : "") + "; got "
                            + value.length
                            + " bytes.");
        }
        this.value.write(0, value, 0, value.length);
        NativeErrors.check(
                lib().bpf_map_update_elem(fd, this.key, this.value, flag.bits),
                "bpf_map_update_elem",
                subject(),
                Kind.IO);
    }

    /** Removes the entry under {@code key}; false when there was none. */
    public synchronized boolean delete(byte[] key) {
        int fd = prepare("delete from");
        putKey(key);
        return removeCurrentKey(fd);
    }

    /**
     * The keys in the map now, in the kernel's order. A hash map that changes meanwhile may yield a key twice
     * or miss one; the walk stops after {@code maxEntries} keys.
     */
    public synchronized List<byte[]> keys() {
        List<byte[]> keys = new ArrayList<>();
        int fd = prepare("list the keys of");
        int size = (int) key.size();
        Pointer previous = null;
        for (int i = 0, max = maxEntries(); i < max; i++) {
            int result = lib().bpf_map_get_next_key(fd, previous, nextKey);
            if (result == -Errno.ENOENT) {
                break;
            }
            NativeErrors.check(result, "bpf_map_get_next_key", subject(), Kind.IO);
            keys.add(nextKey.getByteArray(0, size));
            key.write(0, keys.get(keys.size() - 1), 0, size);
            previous = key;
        }
        return keys;
    }

    // int and long keys and values

    /** The 4-byte value under {@code key}. */
    public synchronized OptionalInt lookupInt(long key) {
        int fd = prepare("look up in");
        requireScalarValue(Integer.BYTES);
        putKey(key);
        int result = lib().bpf_map_lookup_elem(fd, this.key, value);
        if (result == -Errno.ENOENT) {
            return OptionalInt.empty();
        }
        NativeErrors.check(result, "bpf_map_lookup_elem", subject(), Kind.IO);
        return OptionalInt.of(value.getInt(0));
    }

    /** The 8-byte value under {@code key}. */
    public synchronized OptionalLong lookupLong(long key) {
        int fd = prepare("look up in");
        requireScalarValue(Long.BYTES);
        putKey(key);
        int result = lib().bpf_map_lookup_elem(fd, this.key, value);
        if (result == -Errno.ENOENT) {
            return OptionalLong.empty();
        }
        NativeErrors.check(result, "bpf_map_lookup_elem", subject(), Kind.IO);
        return OptionalLong.of(value.getLong(0));
    }

    /** Each possible CPU's 8-byte value under {@code key} in a per-CPU map, by CPU number. */
    public synchronized Optional<long[]> lookupPerCpuLongs(long key) {
        int fd = prepare("look up in");
        if (!shape.perCpu() || shape.valueSize() != Long.BYTES) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Map '" + name + "' is not a per-CPU map of 8-byte " + "values (it is a " + typeName() + " map of "
                            + valueSize() + "-byte values).");
        }
        putKey(key);
        int result = lib().bpf_map_lookup_elem(fd, this.key, value);
        if (result == -Errno.ENOENT) {
            return Optional.empty();
        }
        NativeErrors.check(result, "bpf_map_lookup_elem", subject(), Kind.IO);
        return Optional.of(value.getLongArray(0, (int) (value.size() / Long.BYTES)));
    }

    public synchronized void updateInt(long key, int value) {
        int fd = prepare("update");
        requireScalarValue(Integer.BYTES);
        putKey(key);
        this.value.setInt(0, value);
        NativeErrors.check(
                lib().bpf_map_update_elem(fd, this.key, this.value, UpdateFlag.ANY.bits),
                "bpf_map_update_elem",
                subject(),
                Kind.IO);
    }

    public synchronized void updateLong(long key, long value) {
        int fd = prepare("update");
        requireScalarValue(Long.BYTES);
        putKey(key);
        this.value.setLong(0, value);
        NativeErrors.check(
                lib().bpf_map_update_elem(fd, this.key, this.value, UpdateFlag.ANY.bits),
                "bpf_map_update_elem",
                subject(),
                Kind.IO);
    }

    /** Removes the entry under {@code key}; false when there was none. */
    public synchronized boolean delete(long key) {
        int fd = prepare("delete from");
        putKey(key);
        return removeCurrentKey(fd);
    }

    /** The keys in the map now, as numbers (see {@link #keys()}). */
    public synchronized List<Long> longKeys() {
        if (keySize() != Integer.BYTES && keySize() != Long.BYTES) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Map '" + name + "' takes " + keySize() + "-byte keys, not numbers; use keys().");
        }
        List<Long> keys = new ArrayList<>();
        for (byte[] raw : keys()) {
            keys.add(raw.length == Integer.BYTES ? Integer.toUnsignedLong(asInt(raw)) : asLong(raw));
        }
        return keys;
    }

    /** Frees the view's native buffers; the map stays in the object. Closing twice does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Memory buffer : new Memory[] {key, nextKey, value}) {
                if (buffer != null) {
                    buffer.close();
                }
            }
            key = null;
            nextKey = null;
            value = null;
            shape = null;
        }
        owner.release(this);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "map '" + name + "'";
    }

    // for the types made from a map

    BpfObject owner() {
        return owner;
    }

    Pointer handle() {
        owner.handle();
        if (closed) {
            throw new IllegalStateException("the view of map '" + name + "' is closed");
        }
        return map;
    }

    String subject() {
        return "map '" + name + "' of BPF object '" + owner.name() + "'";
    }

    /** Requires the map to be of {@code type}, naming the use that needs it. */
    void requireType(int type, String use) {
        if (type() != type) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Map '" + name + "' is a " + typeName() + " map; " + use + " needs a "
                            + lib().libbpf_bpf_map_type_str(type) + " map.");
        }
    }

    private LibbpfNative lib() {
        return owner.libbpf();
    }

    /** The map's fd, with the shape read and the buffers allocated: entries exist once the object is loaded. */
    private int prepare(String action) {
        handle();
        if (!owner.isLoaded()) {
            owner.requireLoaded(action + " map '" + name + "'");
        }
        if (shape == null) {
            int fd = NativeErrors.check(lib().bpf_map__fd(map), "bpf_map__fd", subject(), Kind.IO);
            shape = new Shape(fd, keySize(), valueSize(), isPerCpu());
            long keyBytes = Math.max(shape.keySize(), 1);
            key = new Memory(keyBytes);
            nextKey = new Memory(keyBytes);
            value = new Memory(Math.max(valueBufferSize(), 1));
        }
        return shape.fd();
    }

    private boolean removeCurrentKey(int fd) {
        int result = lib().bpf_map_delete_elem(fd, key);
        if (result == -Errno.ENOENT) {
            return false;
        }
        NativeErrors.check(result, "bpf_map_delete_elem", subject(), Kind.IO);
        return true;
    }

    private void putKey(byte[] key) {
        if (key.length != shape.keySize()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Map '" + name + "' takes " + shape.keySize() + "-byte keys; got " + key.length + " bytes.");
        }
        this.key.write(0, key, 0, key.length);
    }

    private void putKey(long key) {
        switch (shape.keySize()) {
            case Integer.BYTES -> {
                if (key < Integer.MIN_VALUE || key > 0xFFFF_FFFFL) {
                    throw new SchedcpException(
                            Kind.INVALID_INPUT, "Map '" + name + "' takes 4-byte keys; " + key + " does not fit.");
                }
                this.key.setInt(0, (int) key);
            }
            case Long.BYTES -> this.key.setLong(0, key);
            default ->
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "Map '" + name + "' takes " + shape.keySize()
                                + "-byte keys, not numbers; use the byte[] methods.");
        }
    }

    private void requireScalarValue(int bytes) {
        if (shape.perCpu() || shape.valueSize() != bytes) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "Map '" + name + "' holds " + shape.valueSize() + "-byte " + (shape.perCpu() ? "per-CPU " : "")
                            + "values, not " + bytes + "-byte ones.");
        }
    }

    private static int asInt(byte[] raw) {
        return ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).getInt();
    }

    private static long asLong(byte[] raw) {
        return ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).getLong();
    }

    private static int roundUp8(int size) {
        return (size + 7) & ~7;
    }
}
