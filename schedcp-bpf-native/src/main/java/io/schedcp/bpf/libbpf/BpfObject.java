package io.schedcp.bpf.libbpf;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BPF ELF object, opened by libbpf and, after {@link #load()}, in the kernel: its maps, programs and
 * global data. The object owns what is made from it (map views, global data mappings, ring buffers,
 * struct_ops links) and {@link #close()} releases all of that, links first, then the object; closing twice
 * does nothing.
 *
 * <p>Methods may be called from several threads, but close the object only after the threads that use it,
 * and what was made from it, are done: libbpf frees the memory their calls would read.
 */
public final class BpfObject implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BpfObject.class);

    private final LibbpfNative libbpf;
    private final String name;
    /** The ELF image of an object opened from memory: libbpf reads it until the object is closed. */
    private final Memory image;
    // Volatile, not locked: views check them on every call, and must not wait for the object's lock.
    private volatile Pointer handle;
    private volatile LoadState state = LoadState.OPENED;
    private final Map<String, BpfMap> maps = new HashMap<>();
    private final Map<String, GlobalData> sections = new HashMap<>();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    private enum LoadState {
        OPENED,
        LOADED,
        FAILED
    }

    private BpfObject(LibbpfNative libbpf, Pointer handle, Memory image, String name) {
        this.libbpf = libbpf;
        this.handle = handle;
        this.image = image;
        this.name = name;
    }

    /** Opens a compiled BPF object file (clang {@code -target bpf}); nothing reaches the kernel yet. */
    public static BpfObject open(Path file) {
        LibbpfNative libbpf = Libbpf.lib();
        if (!Files.isRegularFile(file)) {
            throw new SchedcpException(Kind.NOT_FOUND, "The BPF object " + file + " does not exist; compile it first.");
        }
        Memory opts = NativeStructs.openOpts(Optional.empty());
        try (LibbpfLog.Capture capture = LibbpfLog.capture()) {
            Pointer handle = libbpf.bpf_object__open_file(file.toString(), opts);
            if (handle == null) {
                throw openFailure("bpf_object__open_file", "file " + file, capture);
            }
            LOG.debug("opened BPF object {}", file);
            return new BpfObject(libbpf, handle, null, libbpf.bpf_object__name(handle));
        }
    }

    /** Opens a BPF object from the bytes of its ELF file, naming it {@code name}. */
    public static BpfObject open(String name, byte[] elf) {
        LibbpfNative libbpf = Libbpf.lib();
        if (elf.length == 0) {
            throw new SchedcpException(Kind.INVALID_INPUT, "The BPF object '" + name + "' is empty; compile it first.");
        }
        Memory image = new Memory(elf.length);
        image.write(0, elf, 0, elf.length);
        Memory objectName = NativeStructs.cString(name);
        Memory opts = NativeStructs.openOpts(Optional.of(objectName));
        try (LibbpfLog.Capture capture = LibbpfLog.capture()) {
            Pointer handle;
            try {
                handle = libbpf.bpf_object__open_mem(image, elf.length, opts);
            } finally {
                // Only the native opts point at the name: keep it from being freed before libbpf copied it.
                Reference.reachabilityFence(objectName);
            }
            if (handle == null) {
                image.close();
                throw openFailure("bpf_object__open_mem", "object '" + name + "'", capture);
            }
            LOG.debug("opened BPF object '{}' from {} bytes", name, elf.length);
            return new BpfObject(libbpf, handle, image, name);
        }
    }

    private static SchedcpException openFailure(String operation, String subject, LibbpfLog.Capture capture) {
        int errno = NativeErrors.lastErrno();
        String said = BpfLoadException.libbpfSaid(capture.warnings());
        return new SchedcpException(
                Errno.kind(errno, Kind.INVALID_INPUT), NativeErrors.message(operation, subject, errno) + said);
    }

    /**
     * The object's name: the one it was opened with from bytes, or libbpf's for a file (the file name up to
     * its first dot, at most 15 characters).
     */
    public String name() {
        return name;
    }

    public boolean isLoaded() {
        return state == LoadState.LOADED;
    }

    /**
     * Creates the maps and loads the programs into the kernel. A program the verifier rejects fails the load
     * with a {@link BpfLoadException} that carries the verifier's log; libbpf's messages are logged either way.
     */
    public synchronized void load() {
        Pointer object = handle();
        if (state != LoadState.OPENED) {
            throw new IllegalStateException("BPF object '" + name + "' was already "
                    + (state == LoadState.LOADED ? "loaded" : "loaded, and failed") + "; open it again to retry");
        }
        try (LibbpfLog.Capture capture = LibbpfLog.capture()) {
            int result = libbpf.bpf_object__load(object);
            if (result < 0) {
                state = LoadState.FAILED;
                throw BpfLoadException.of(name, result, capture);
            }
        }
        state = LoadState.LOADED;
        LOG.debug("loaded BPF object '{}'", name);
    }

    /** The map named {@code mapName}, or a NOT_FOUND failure naming the maps there are. */
    public BpfMap map(String mapName) {
        return findMap(mapName)
                .orElseThrow(() -> new SchedcpException(
                        Kind.NOT_FOUND,
                        "BPF object '" + name + "' has no map '" + mapName + "'; its maps are " + mapNames() + "."));
    }

    /**
     * The map named {@code mapName}: a map's own name, or a data section ({@code .bss}, {@code .data},
     * {@code .rodata}, {@code .data.NAME}) by its section name.
     */
    public synchronized Optional<BpfMap> findMap(String mapName) {
        Pointer map = libbpf.bpf_object__find_map_by_name(handle(), mapName);
        return map == null ? Optional.empty() : Optional.of(view(map));
    }

    /** Every map of the object, in the order of its ELF file. */
    public synchronized List<BpfMap> maps() {
        List<BpfMap> all = new ArrayList<>();
        for (Pointer map = libbpf.bpf_object__next_map(handle(), null);
                map != null;
                map = libbpf.bpf_object__next_map(handle(), map)) {
            all.add(view(map));
        }
        return all;
    }

    private List<String> mapNames() {
        return maps().stream().map(BpfMap::name).toList();
    }

    private BpfMap view(Pointer map) {
        String mapName = libbpf.bpf_map__name(map);
        BpfMap view = maps.get(mapName);
        if (view == null || view.isClosed()) {
            view = new BpfMap(this, map, mapName);
            maps.put(mapName, view);
            resources.push(view);
        }
        return view;
    }

    /** The program named {@code programName} (its C function's name). */
    public synchronized BpfProgram program(String programName) {
        Pointer program = libbpf.bpf_object__find_program_by_name(handle(), programName);
        if (program == null) {
            throw new SchedcpException(
                    Kind.NOT_FOUND,
                    "BPF object '" + name + "' has no program '" + programName + "'; its programs are "
                            + programs().stream().map(BpfProgram::name).toList() + ".");
        }
        return new BpfProgram(this, program, programName);
    }

    public synchronized List<BpfProgram> programs() {
        List<BpfProgram> all = new ArrayList<>();
        for (Pointer program = libbpf.bpf_object__next_program(handle(), null);
                program != null;
                program = libbpf.bpf_object__next_program(handle(), program)) {
            all.add(new BpfProgram(this, program, libbpf.bpf_program__name(program)));
        }
        return all;
    }

    /**
     * The global variables of a data section: {@code .bss}, {@code .data}, {@code .rodata} or a custom
     * {@code .data.NAME}. Before {@link #load()} they hold the initial values the kernel will get (set
     * {@code const volatile} options in {@code .rodata} here); after it, the kernel's live values.
     */
    public synchronized GlobalData globals(String section) {
        GlobalData data = sections.get(section);
        if (data == null || data.isClosed()) {
            Pointer map = section.startsWith(".") ? libbpf.bpf_object__find_map_by_name(handle(), section) : null;
            if (map == null) {
                throw new SchedcpException(
                        Kind.NOT_FOUND,
                        "BPF object '" + name + "' has no data section '" + section + "'; its maps are " + mapNames()
                                + ".");
            }
            data = new GlobalData(this, map, section);
            sections.put(section, data);
            resources.push(data);
        }
        return data;
    }

    /**
     * Attaches the struct_ops map {@code mapName} (for a sched_ext scheduler, the {@code sched_ext_ops} map
     * its {@code SCX_OPS_DEFINE} declares): from now on the kernel runs it, until the link is closed.
     */
    public StructOpsLink attachStructOps(String mapName) {
        return StructOpsLink.attach(map(mapName));
    }

    /** Releases everything made from the object, then the object; closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (handle == null) {
            return;
        }
        // Detach the schedulers first, then the rest, newest first.
        List<AutoCloseable> closing = new ArrayList<>(resources);
        closing.sort(Comparator.comparing(resource -> !(resource instanceof StructOpsLink)));
        resources.clear();
        for (AutoCloseable resource : closing) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} of BPF object '{}' failed: {}", resource, name, e.getMessage());
            }
        }
        Pointer object = handle;
        handle = null;
        libbpf.bpf_object__close(object);
        if (image != null) {
            image.close();
        }
        LOG.debug("closed BPF object '{}'", name);
    }

    // for the types made from this object

    LibbpfNative libbpf() {
        return libbpf;
    }

    Pointer handle() {
        Pointer current = handle;
        if (current == null) {
            throw new IllegalStateException("BPF object '" + name + "' is closed");
        }
        return current;
    }

    /** Fails unless the object is open and loaded; {@code action} says what needed it. */
    void requireLoaded(String action) {
        handle();
        if (state != LoadState.LOADED) {
            throw new IllegalStateException("cannot " + action + ": BPF object '" + name + "' is not loaded");
        }
    }

    /** Makes {@code resource} close with this object (before it), unless it was closed already. */
    synchronized void adopt(AutoCloseable resource) {
        handle();
        resources.push(resource);
    }

    synchronized void release(AutoCloseable resource) {
        resources.remove(resource);
    }
}
