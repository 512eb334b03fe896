package io.schedcp.userspace.ring;

import static org.junit.jupiter.api.Assertions.fail;

import io.schedcp.bpf.custom.BpfCompiler;
import io.schedcp.bpf.custom.CompileResult;
import io.schedcp.bpf.libbpf.BpfObject;
import io.schedcp.bpf.libbpf.Libbpf;
import io.schedcp.lab.LabToolchain;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The test BPF program with real rings (src/test/resources/bpf/uspace_rings_probe.bpf.c), compiled once with
 * the lab toolchain against scx_userspace.h and loaded fresh for each test. The tests that use it are skipped,
 * with the reason, where there is no root, no libbpf or no toolchain (bpf/setup.sh makes one).
 */
// libbpf's types are exported to this module alone; the tests that use this helper are in it too.
@SuppressWarnings("exports")
public final class HostRings {

    public static final String QUEUED = "queued";
    public static final String DISPATCHED = "dispatched";
    public static final int RING_SIZE = 4096;

    private static final Path SOURCE = Path.of("src", "test", "resources", "bpf", "uspace_rings_probe.bpf.c");
    private static Path compiled;

    private HostRings() {}

    /** The probe, loaded; skips the test where BPF cannot be loaded here. */
    public static BpfObject load() {
        BpfObject object = BpfObject.open(object());
        object.load();
        return object;
    }

    /** Runs emit_tasks for tasks {@code first .. first + count - 1}, a discarded record before index discardAt. */
    public static int emitTasks(BpfObject object, int first, int count, int discardAt) {
        byte[] args = ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(first)
                .putInt(count)
                .putInt(discardAt)
                .array();
        return object.program("emit_tasks").run(args);
    }

    /** Everything the drain program has kept so far, in order. */
    public static List<DispatchSample> seen(BpfObject object) {
        var bss = object.globals(".bss");
        int count = bss.readInt("seen_count");
        ByteBuffer seen = ByteBuffer.allocateDirect(bss.read("seen").length).order(ByteOrder.LITTLE_ENDIAN);
        seen.put(bss.read("seen"));
        List<DispatchSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(DispatchSample.read(seen, i * DispatchRecord.SIZE));
        }
        return samples;
    }

    private static synchronized Path object() {
        List<String> missing = new ArrayList<>();
        Libbpf.unavailableReason().ifPresent(missing::add);
        if (!isRoot()) {
            missing.add("not root: the bpf() syscall needs CAP_BPF");
        }
        Optional<LabToolchain> toolchain = LabToolchain.load(
                LabToolchain.cacheDirectory(System.getenv(), Path.of(System.getProperty("user.home"))));
        if (toolchain.isEmpty()) {
            missing.add("no lab toolchain: run bpf/setup.sh");
        }
        Assumptions.assumeTrue(
                missing.isEmpty(), () -> "the tests on real ring buffer maps cannot run here: " + missing);
        if (compiled == null) {
            compiled = compile(toolchain.orElseThrow());
        }
        return compiled;
    }

    private static Path compile(LabToolchain toolchain) {
        String clang = toolchain.properties().getProperty("clang", "");
        String cflags = toolchain.properties().getProperty("bpf_cflags", "");
        Assumptions.assumeTrue(
                !clang.isBlank() && !cflags.isBlank(),
                "the lab toolchain names no clang or BPF flags: run bpf/setup.sh");
        List<String> flags = new ArrayList<>(Arrays.asList(cflags.trim().split("\\s+")));
        flags.add("-I" + Path.of("..", "bpf", "userspace").toAbsolutePath().normalize());
        Path object = Path.of("target", "test-bpf", "uspace_rings_probe.bpf.o").toAbsolutePath();
        try {
            Files.createDirectories(object.getParent());
            CompileResult result = new BpfCompiler(Path.of(clang), flags).compile(SOURCE.toAbsolutePath(), object);
            if (!result.succeeded()) {
                fail("could not compile " + SOURCE + ":\n" + String.join("\n", result.output()));
            }
        } catch (IOException e) {
            fail("could not create " + object.getParent(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted compiling " + SOURCE);
        }
        return object;
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
