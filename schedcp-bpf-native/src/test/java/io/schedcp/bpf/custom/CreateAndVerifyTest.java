package io.schedcp.bpf.custom;

import static io.schedcp.bpf.custom.TinyScheduler.SOURCE;
import static io.schedcp.bpf.custom.TinyScheduler.replacing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The create-then-verify flow the front ends share, with a stand-in clang (a shell script that writes an
 * "object") and a stand-in verifying process that prints the verdict line as {@link VerifyMain} does.
 */
class CreateAndVerifyTest {

    @TempDir
    Path temp;

    private Path sysfs;
    private CustomStore store;
    private CreateAndVerify flow;
    private final AtomicInteger compilations = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private volatile boolean passes = true;

    /** Writes down each step, in order. */
    private final CreateAndVerify.Progress recorded = new CreateAndVerify.Progress() {
        @Override
        public void compiling(String name) {
            steps.add("compiling " + name);
        }

        @Override
        public void created(CreationReport report) {
            steps.add("created " + report.qualifiedName().orElseThrow());
        }

        @Override
        public void verifying(String line) {
            steps.add("verifier: " + line);
        }
    };

    @BeforeEach
    void setUp() throws IOException {
        sysfs = Files.createDirectories(temp.resolve("sched_ext"));
        Files.writeString(sysfs.resolve("state"), "disabled\n");
        Path clang = Files.writeString(temp.resolve("clang.sh"), """
                #!/bin/sh
                # Writes a few bytes at the -o path, as if it had compiled the source.
                while [ $# -gt 0 ]; do [ "$1" = -o ] && object=$2; shift; done
                printf '\\177ELF stand-in object' > "$object"
                """);
        Files.setPosixFilePermissions(clang, PosixFilePermissions.fromString("rwxr-xr-x"));
        store = new CustomStore(temp.resolve("home"));
        CustomSchedulers schedulers = new CustomSchedulers(
                store,
                () -> {
                    compilations.incrementAndGet();
                    return new BpfCompiler(clang, List.of("-O2"));
                },
                "6.12-test");
        PrivilegedLauncher launcher = new PrivilegedLauncher(Privilege.direct());
        CustomVerifier verifier = new CustomVerifier(
                store,
                new SchedExtReader(sysfs),
                spec -> {
                    verifications.incrementAndGet();
                    return launcher.launch(verdict(spec));
                },
                () -> {
                    throw new SchedcpException(Kind.UNAVAILABLE, "these tests have no kernel lab");
                });
        flow = new CreateAndVerify(schedulers, verifier);
    }

    /** The verifying process: one line of progress, then the verdict line for the scheduler it was given. */
    private ProcessLauncher.Spec verdict(ProcessLauncher.Spec spec) {
        List<String> command = spec.command();
        String name = command.get(command.size() - 3);
        VerificationResult result = passes ? TinyScheduler.passed(name) : TinyScheduler.failedToLoad(name);
        String line = VerifyMain.RESULT_PREFIX + SchedcpJson.line(result);
        return new ProcessLauncher.Spec(
                spec.schedulerName(),
                List.of("/bin/sh", "-c", "echo 'schedcp-verify: loading'; printf '%s\\n' \"$1\"", "verify", line),
                Map.of(),
                Optional.empty());
    }

    private static CreateAndVerify.Request request(String source) {
        return CreateAndVerify.Request.of(
                "tiny",
                CustomSource.text(source, "tiny.bpf.c", "test"),
                DescriptorFields.NONE.withDescription("A FIFO."));
    }

    @Test
    void aSourceThatPassesIsStoredThenVerifiedAndOneReportSaysBoth() throws Exception {
        CreationReport report = flow.run(request(SOURCE), recorded);

        assertThat(report.created()).isTrue();
        assertThat(report.verified()).isTrue();
        assertThat(report.qualifiedName()).contains("custom:tiny");
        assertThat(report.opsName()).contains("tiny");
        assertThat(report.directory()).contains(store.root().resolve("tiny").toString());
        assertThat(report.compileMs()).isPresent();
        assertThat(report.verification().orElseThrow().passed()).isTrue();
        assertThat(steps)
                .containsExactly(
                        "compiling tiny",
                        "created custom:tiny",
                        "verifier: verifying tiny in the host kernel for 10 s each",
                        "verifier: schedcp-verify: loading",
                        "verifier: " + TinyScheduler.passed("tiny").summary());
        assertThat(store.require("tiny").meta().verified()).isTrue();
    }

    @Test
    void aSchedulerThatFailsVerificationIsStoredAndTheReportSaysWhy() throws Exception {
        passes = false;

        CreationReport report = flow.run(request(SOURCE), recorded);

        assertThat(report.created()).isTrue();
        assertThat(report.verified()).isFalse();
        assertThat(report.verification().orElseThrow().stage()).isEqualTo("load");
        assertThat(store.require("tiny").meta().verified()).isFalse();
    }

    @Test
    void aSourceTheCheckRejectsIsReportedNeitherStoredNorCompiledNorVerified() throws Exception {
        String noLicense = replacing("char _license[] SEC(\"license\") = \"GPL\";", "");

        CreationReport report = flow.run(request(noLicense), recorded);

        assertThat(report.created()).isFalse();
        assertThat(report.verified()).isFalse();
        assertThat(report.qualifiedName()).isEmpty();
        assertThat(report.compiled()).isFalse();
        assertThat(report.errorLines())
                .singleElement()
                .asString()
                .startsWith("tiny.bpf.c: error: ")
                .contains("license");
        assertThat(steps).containsExactly("compiling tiny");
        assertThat(store.list()).isEmpty();
        assertThat(compilations).hasValue(0);
        assertThat(verifications).hasValue(0);
    }

    @Test
    void aBadNameOrVerificationTimeIsRefusedBeforeAnythingIsStoredOrCompiled() {
        assertThatThrownBy(() -> flow.run(request(SOURCE).withSeconds(0), recorded))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessage("a verification of 0 s is out of range: 1 to 3600 s");
        assertThatThrownBy(() -> flow.run(
                        new CreateAndVerify.Request(
                                "Bad-Name",
                                CustomSource.text(SOURCE, "tiny.bpf.c", "test"),
                                DescriptorFields.NONE,
                                VerifyWhere.AUTO,
                                10),
                        recorded))
                .hasMessageStartingWith("'Bad-Name' is not a valid custom scheduler name");

        assertThat(steps).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(compilations).hasValue(0);
    }

    @Test
    void aVerificationThatCannotRunAtAllSaysTheSchedulerWasCreated() throws IOException {
        Files.delete(sysfs.resolve("state"));
        Files.delete(sysfs);

        assertThatThrownBy(() -> flow.run(request(SOURCE), recorded))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessage("created custom:tiny, but could not verify it: these tests have no kernel lab");
        assertThat(store.require("tiny").meta().verified()).isFalse();
    }

    @Test
    void aCreateAloneIsTheSameReportWithoutAVerification() throws Exception {
        CreationReport report =
                flow.create("tiny", CustomSource.text(SOURCE, "tiny.bpf.c", "test"), DescriptorFields.NONE);

        assertThat(report.created()).isTrue();
        assertThat(report.verified()).isFalse();
        assertThat(report.verification()).isEmpty();
        assertThat(verifications).hasValue(0);
    }

    @Test
    void theReportIsWrittenInSnakeCaseWithWhatIsAbsentLeftOut() throws Exception {
        String noLicense = replacing("char _license[] SEC(\"license\") = \"GPL\";", "");
        Map<String, Object> rejected = SchedcpJson.toMap(flow.run(request(noLicense), recorded));

        assertThat(rejected)
                .containsOnlyKeys(
                        "name", "created", "verified", "source_file", "problems", "diagnostics", "compiler_output");
        assertThat(rejected).containsEntry("source_file", "tiny.bpf.c").containsEntry("created", false);

        Map<String, Object> verified = SchedcpJson.toMap(flow.run(request(SOURCE), recorded));
        assertThat(verified).containsKeys("qualified_name", "ops_name", "directory", "compile_ms", "verification");
        assertThat(verified.get("verification"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("passed", true);
    }
}
