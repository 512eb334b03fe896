package io.schedcp.bpf.custom;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.store.AtomicFiles;
import io.schedcp.core.store.TextInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Custom schedulers for the front ends: create one from BPF C source (check, compile, store), verify,
 * list and remove. Running one goes through the scheduler manager like any other, as {@code custom:NAME}.
 */
public final class CustomSchedulers {

    static final int MAX_SOURCE_BYTES = 1 << 20;

    private final CustomStore store;
    private final Supplier<BpfCompiler> compiler;
    private final String kernel;

    /**
     * @param compiler the BPF compiler, asked for only when a source gets as far as compiling
     * @param kernel   the release of the kernel whose headers the compiler uses, for the metadata
     */
    public CustomSchedulers(CustomStore store, Supplier<BpfCompiler> compiler, String kernel) {
        this.store = store;
        this.compiler = compiler;
        this.kernel = kernel;
    }

    public CustomStore store() {
        return store;
    }

    /** Creates {@code name} from the file {@code source}. */
    public CreateOutcome create(String name, Path source, DescriptorFields fields) throws InterruptedException {
        String text = TextInput.readRegular(source, "source", MAX_SOURCE_BYTES);
        return create(
                name,
                text,
                source.getFileName().toString(),
                source.toAbsolutePath().toString(),
                fields);
    }

    /**
     * Creates {@code name} from source text: checks the name and the source, compiles it, and stores source,
     * object and metadata. A rejected source is reported in the outcome, not thrown.
     *
     * @param fileLabel the file name clang's messages use, such as {@code fifo.bpf.c}
     * @param origin    where the source came from, recorded for people
     * @throws SchedcpException INVALID_INPUT for a bad or taken name, UNAVAILABLE without a BPF toolchain
     */
    public CreateOutcome create(String name, String source, String fileLabel, String origin, DescriptorFields fields)
            throws InterruptedException {
        CustomName.require(name);
        store.requireFree(name);
        String label =
                fileLabel.endsWith(".c") ? Path.of(fileLabel).getFileName().toString() : name + ".bpf.c";
        SourceCheck.Result check = SourceCheck.check(source);
        if (!check.accepted()) {
            return new CreateOutcome(Optional.empty(), check.problems(), Optional.empty(), label);
        }
        SourceCheck.OpsDeclaration ops = check.ops().orElseThrow();
        Path build = store.root()
                .resolve(".build-" + name + "-"
                        + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
        try {
            Files.createDirectories(build);
            Path file = build.resolve(label);
            AtomicFiles.write(file, source.getBytes(StandardCharsets.UTF_8));
            CompileResult compiled = compiler.get().compile(file, build.resolve(CustomScheduler.OBJECT));
            if (!compiled.succeeded()) {
                return new CreateOutcome(Optional.empty(), check.problems(), Optional.of(compiled), label);
            }
            CustomMeta meta = new CustomMeta(
                    CustomMeta.SCHEMA,
                    name,
                    ops.opsName(),
                    ops.mapName(),
                    fields.description().isBlank()
                            ? fields.withDescription("A custom sched_ext scheduler compiled " + "from " + label + ".")
                            : fields,
                    Instant.now().toString(),
                    origin,
                    sha256(source),
                    kernel,
                    compiled.duration().toMillis(),
                    null);
            CustomScheduler stored = store.add(meta, source, compiled.object().orElseThrow());
            return new CreateOutcome(Optional.of(stored), check.problems(), Optional.of(compiled), label);
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO,
                    "could not prepare the build directory " + build + ": " + e.getMessage() + "; check that "
                            + store.root() + " is writable",
                    e);
        } finally {
            CustomStore.deleteTree(build);
        }
    }

    public List<CustomScheduler> list() {
        return store.list();
    }

    public void remove(String name) {
        store.remove(name);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
