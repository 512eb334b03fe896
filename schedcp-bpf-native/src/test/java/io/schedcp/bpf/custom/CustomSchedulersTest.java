package io.schedcp.bpf.custom;

import static io.schedcp.bpf.custom.TinyScheduler.SOURCE;
import static io.schedcp.bpf.custom.TinyScheduler.lineOf;
import static io.schedcp.bpf.custom.TinyScheduler.replacing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.lab.LabToolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating custom schedulers. The cases that compile use the BPF toolchain {@code bpf/setup.sh} prepared;
 * without it they are skipped with a loud message, except on CI ({@code CI=true}), where they fail.
 */
class CustomSchedulersTest {

    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
    private static boolean told;

    @TempDir
    Path home;

    private CustomStore store;

    @BeforeEach
    void setUp() {
        store = new CustomStore(home);
    }

    private static Supplier<BpfCompiler> toolchainCompiler() {
        Path cache = LabToolchain.cacheDirectory(System.getenv(), Path.of(System.getProperty("user.home")));
        Optional<LabToolchain> toolchain = LabToolchain.load(cache);
        String reason;
        if (toolchain.isPresent() && !Files.isRegularFile(toolchain.get().vmlinuxHeader())) {
            reason = "the lab toolchain names no vmlinux.h (" + toolchain.get().vmlinuxHeader() + ")";
        } else {
            try {
                BpfCompiler compiler = BpfCompiler.of(toolchain);
                return () -> compiler;
            } catch (SchedcpException e) {
                reason = e.getMessage();
            }
        }
        String message = "custom scheduler compile tests cannot run here: " + reason + " (looked in " + cache + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        synchronized (CustomSchedulersTest.class) {
            if (!told) {
                told = true;
                System.err.println("\n*** SKIPPING: " + message + " ***\n");
            }
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    @SuppressWarnings("UnnecessaryLambda") // a supplier named for what it must not do reads best at each call
    private static Supplier<BpfCompiler> compilerThatMustNotRun() {
        return () -> {
            throw new AssertionError("the compiler was asked for");
        };
    }

    private CustomSchedulers schedulers(Supplier<BpfCompiler> compiler) {
        return new CustomSchedulers(store, compiler, "7.3.4-test");
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<Path> directoriesIn(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

    private CustomScheduler storedWithoutCompiling(String name) throws IOException {
        Path object = Files.write(home.resolve("fake.bpf.o"), ELF_MAGIC);
        return store.add(TinyScheduler.meta(name), SOURCE, object);
    }

    @Test
    void aGoodSourceIsCompiledAndStoredWithItsMetadata() throws Exception {
        CustomSchedulers schedulers = schedulers(toolchainCompiler());

        CreateOutcome outcome =
                schedulers.create("tiny", SOURCE, "tiny.bpf.c", "/src/tiny.bpf.c", DescriptorFields.NONE);

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.errorLines()).isEmpty();
        assertThat(outcome.problems()).isEmpty();
        CustomScheduler scheduler = outcome.scheduler().orElseThrow();
        assertThat(scheduler.directory()).isEqualTo(store.root().resolve("tiny"));
        assertThat(scheduler.source()).hasContent(SOURCE);
        assertThat(scheduler.metaFile()).isRegularFile();
        assertThat(Arrays.copyOf(Files.readAllBytes(scheduler.object()), 4)).isEqualTo(ELF_MAGIC);
        CompileResult compiled = outcome.compile().orElseThrow();
        assertThat(compiled.succeeded()).isTrue();
        assertThat(compiled.errors()).isEmpty();
        assertThat(compiled.duration()).isPositive();
        assertThat(scheduler.meta()).satisfies(meta -> {
            assertThat(meta.name()).isEqualTo("tiny");
            assertThat(meta.opsName()).isEqualTo("tiny");
            assertThat(meta.opsMap()).isEqualTo("tiny_ops");
            assertThat(meta.kernel()).isEqualTo("7.3.4-test");
            assertThat(meta.sourceFile()).isEqualTo("/src/tiny.bpf.c");
            assertThat(meta.sourceSha256()).isEqualTo(sha256(SOURCE));
            assertThat(meta.compileMillis())
                    .isPositive()
                    .isEqualTo(compiled.duration().toMillis());
            assertThat(meta.fields().description()).isEqualTo("A custom sched_ext scheduler compiled from tiny.bpf.c.");
            assertThat(meta.verification()).isNull();
        });
        assertThat(store.require("tiny").meta()).isEqualTo(scheduler.meta());
        assertThat(directoriesIn(store.root())).containsExactly(scheduler.directory());
    }

    @Test
    void theDescriptionGivenIsKept() throws Exception {
        DescriptorFields fields = DescriptorFields.NONE.withDescription("One queue for all.");

        CreateOutcome outcome = schedulers(toolchainCompiler()).create("tiny", SOURCE, "tiny.bpf.c", "-", fields);

        assertThat(outcome.scheduler().orElseThrow().meta().fields()).isEqualTo(fields);
    }

    @Test
    void aCErrorIsReportedAsClangWroteItAndNothingIsStored() throws Exception {
        String source = replacing(
                "    scx_bpf_dsq_move_to_local(SHARED_DSQ, 0);\n",
                "    scx_bpf_dsq_move_to_local(SHARED_DSQ, 0);\n    undeclared_counter++;\n");
        int line = lineOf(source, "undeclared_counter");

        CreateOutcome outcome = schedulers(toolchainCompiler())
                .create("broken", source, "(standard input)", "-", DescriptorFields.NONE);

        assertThat(outcome.created()).isFalse();
        assertThat(outcome.fileLabel()).isEqualTo("broken.bpf.c");
        assertThat(outcome.errorLines())
                .anySatisfy(text ->
                        assertThat(text).matches("broken\\.bpf\\.c:" + line + ":\\d+: error: .*undeclared_counter.*"));
        CompileResult compiled = outcome.compile().orElseThrow();
        assertThat(compiled.succeeded()).isFalse();
        assertThat(compiled.errors()).first().satisfies(error -> {
            assertThat(error.file()).isEqualTo("broken.bpf.c");
            assertThat(error.line()).isEqualTo(line);
        });
        assertThat(store.find("broken")).isEmpty();
        assertThat(directoriesIn(store.root())).isEmpty();
    }

    @Test
    void aSourceThatFailsTheCheckIsReportedWithoutCompiling() throws Exception {
        String source = replacing("(void *)tiny_dispatch", "(void *)tiny_consume");

        CreateOutcome outcome = schedulers(compilerThatMustNotRun())
                .create("tiny", source, "/src/tiny.bpf.c", "-", DescriptorFields.NONE);

        assertThat(outcome.created()).isFalse();
        assertThat(outcome.compile()).isEmpty();
        assertThat(outcome.fileLabel()).isEqualTo("tiny.bpf.c");
        assertThat(outcome.errorLines())
                .containsExactly("tiny.bpf.c:" + lineOf(source, "SCX_OPS_DEFINE")
                        + ": error: .dispatch = tiny_consume, but the source defines no tiny_consume: define it with "
                        + "BPF_STRUCT_OPS(tiny_consume, ...)");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aTakenNameFailsBeforeAnythingIsChecked() throws Exception {
        storedWithoutCompiling("tiny");
        CustomSchedulers schedulers = schedulers(compilerThatMustNotRun());

        assertThatThrownBy(() -> schedulers.create("tiny", SOURCE, "tiny.bpf.c", "-", DescriptorFields.NONE))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("'tiny' exists already");
        assertThat(store.require("tiny").meta()).isEqualTo(TinyScheduler.meta("tiny"));
    }

    @Test
    void anInvalidNameFailsBeforeAnythingIsChecked() {
        CustomSchedulers schedulers = schedulers(compilerThatMustNotRun());

        assertThatThrownBy(() -> schedulers.create("Tiny-FIFO", SOURCE, "tiny.bpf.c", "-", DescriptorFields.NONE))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("such as tiny_fifo");
    }

    @Test
    void aMissingSourceFileIsNotFound(@TempDir Path sources) {
        Path missing = sources.resolve("missing.bpf.c");

        assertThatThrownBy(() -> schedulers(compilerThatMustNotRun()).create("tiny", missing, DescriptorFields.NONE))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aSourceFileOverOneMebibyteIsRefused(@TempDir Path sources) throws IOException {
        Path huge = Files.writeString(sources.resolve("huge.bpf.c"), SOURCE + "//" + "x".repeat(1 << 20));

        assertThatThrownBy(() -> schedulers(compilerThatMustNotRun()).create("tiny", huge, DescriptorFields.NONE))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("over 1 MiB");
    }

    @Test
    void aSourceFileIsCheckedUnderItsOwnName(@TempDir Path sources) throws Exception {
        Path file = Files.writeString(sources.resolve("my_fifo.bpf.c"), replacing("#include", "// #include"));

        CreateOutcome outcome = schedulers(compilerThatMustNotRun()).create("tiny", file, DescriptorFields.NONE);

        assertThat(outcome.errorLines()).singleElement().asString().startsWith("my_fifo.bpf.c:1: error: ");
    }

    @Test
    void removeDeletesAStoredScheduler() throws IOException {
        storedWithoutCompiling("tiny");
        CustomSchedulers schedulers = schedulers(compilerThatMustNotRun());

        schedulers.remove("tiny");

        assertThat(schedulers.list()).isEmpty();
    }
}
