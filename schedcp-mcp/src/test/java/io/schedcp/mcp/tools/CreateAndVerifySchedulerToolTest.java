package io.schedcp.mcp.tools;

import static io.schedcp.mcp.tools.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.bpf.custom.CreationReport;
import io.schedcp.mcp.FakeHost;
import io.schedcp.mcp.ToolAdvice;
import io.schedcp.mcp.ToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create_and_verify_scheduler onto the custom schedulers, with a fake clang and a fake verifying process. */
class CreateAndVerifySchedulerToolTest {

    /** Passes the source checks; the fake clang compiles it. */
    static final String SOURCE = """
            /* One shared FIFO queue. */
            #include <scx/common.bpf.h>

            char _license[] SEC("license") = "GPL";

            UEI_DEFINE(uei);

            void BPF_STRUCT_OPS(tiny_enqueue, struct task_struct *p, u64 enq_flags)
            {
                scx_bpf_dsq_insert(p, SCX_DSQ_GLOBAL, SCX_SLICE_DFL, enq_flags);
            }

            void BPF_STRUCT_OPS(tiny_exit, struct scx_exit_info *ei)
            {
                UEI_RECORD(uei, ei);
            }

            SCX_OPS_DEFINE(tiny_ops,
                           .name = "tiny",
                           .enqueue = (void *)tiny_enqueue,
                           .exit = (void *)tiny_exit);
            """;

    @TempDir
    Path temp;

    private FakeHost host;
    private CreateAndVerifySchedulerTool tool;
    private final AtomicInteger catalogChanges = new AtomicInteger();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        host = new FakeHost(temp);
        tool = new CreateAndVerifySchedulerTool(host.context(catalogChanges::incrementAndGet));
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void aSourceThatPassesAndVerifiesIsStoredAndCanRun() throws Exception {
        ToolResult result = call(
                tool,
                Map.of("name", "tiny", "source_code", SOURCE, "description", "A FIFO.", "use_cases", List.of("tests")),
                progress::add);

        CreationReport outcome = (CreationReport) result.value();
        assertThat(result.failure()).isFalse();
        assertThat(outcome.created()).isTrue();
        assertThat(outcome.verified()).isTrue();
        assertThat(outcome.qualifiedName()).contains("custom:tiny");
        assertThat(outcome.verification().orElseThrow().where()).isEqualTo("host");
        assertThat(outcome.compileMs()).isPresent();
        assertThat(result.text())
                .contains("tiny passed in the host kernel 6.12-test")
                .contains("run_scheduler {\"name\": \"custom:tiny\"}");
        assertThat(progress).first().isEqualTo("checking and compiling tiny");
        assertThat(progress)
                .contains(
                        "verifying tiny in the host kernel for 10 s each",
                        "schedcp-verify: enabled, running the workload");
        assertThat(catalogChanges).hasValue(1);
        assertThat(host.manager.find("custom:tiny").orElseThrow().availability().isAvailable())
                .isTrue();
        assertThat(host.manager.find("custom:tiny").orElseThrow().descriptor().description())
                .isEqualTo("A FIFO.");
    }

    @Test
    void aSourceThatFailsTheChecksIsAFailureWithTheProblems() throws Exception {
        String noLicense = SOURCE.replace("char _license[] SEC(\"license\") = \"GPL\";", "");

        ToolResult result = call(tool, Map.of("name", "tiny", "source_code", noLicense), progress::add);

        CreationReport outcome = (CreationReport) result.value();
        assertThat(result.failure()).isTrue();
        assertThat(outcome.created()).isFalse();
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.problems()).anySatisfy(p -> assertThat(p.message()).contains("license"));
        assertThat(outcome.diagnostics()).isEmpty();
        assertThat(result.text())
                .startsWith("tiny was not created: the source check found these problems:\n")
                .contains("tiny.bpf.c: error: ")
                .contains("license")
                .endsWith("Fix the source and call create_and_verify_scheduler again.");
        assertThat(catalogChanges).hasValue(0);
        assertThat(host.manager.find("custom:tiny")).isEmpty();
    }

    @Test
    void aSourceClangRejectsIsAFailureWithItsDiagnostics() throws Exception {
        String broken = SOURCE.replace("UEI_RECORD(uei, ei);", "UEI_RECORD(uei, ei); BROKEN_C;");

        ToolResult result = call(tool, Map.of("name", "tiny", "source_code", broken));

        CreationReport outcome = (CreationReport) result.value();
        assertThat(result.failure()).isTrue();
        assertThat(outcome.created()).isFalse();
        assertThat(outcome.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("tiny.bpf.c");
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).isEqualTo("use of undeclared identifier 'BROKEN_C'");
        });
        assertThat(outcome.compilerOutput()).contains("1 error generated.");
        assertThat(result.text())
                .contains("tiny was not created: clang reported 1 error(s):\n")
                .contains("tiny.bpf.c:3:5: error: use of undeclared identifier 'BROKEN_C'");
    }

    @Test
    void aSchedulerThatFailsVerificationIsAFailureWithTheReason() throws Exception {
        host.verificationPasses(false);

        ToolResult result = call(tool, Map.of("name", "tiny", "source_code", SOURCE));

        CreationReport outcome = (CreationReport) result.value();
        assertThat(result.failure()).isTrue();
        assertThat(outcome.created()).isTrue();
        assertThat(outcome.verified()).isFalse();
        assertThat(outcome.verification().orElseThrow().stage()).isEqualTo("run");
        assertThat(result.text())
                .contains("tiny failed verification (run, host): the kernel disabled it: " + "runnable task stall")
                .contains("SCX_EXIT_ERROR_STALL")
                .endsWith("\ncustom:tiny is stored but cannot run until it passes; fix the source and call "
                        + "create_and_verify_scheduler with it under a new name.")
                .doesNotContain("schedcp ");
        assertThat(host.manager.find("custom:tiny").orElseThrow().availability().isAvailable())
                .isFalse();
    }

    @Test
    void aVerificationThatCannotRunSaysTheSchedulerWasCreated() throws Exception {
        host.removeSchedExt();

        assertThatThrownBy(() -> call(tool, Map.of("name", "tiny", "source_code", SOURCE)))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE))
                .hasMessageContaining("created custom:tiny, but could not verify it: the tests have no kernel lab");
    }

    @Test
    void aTakenNameIsRefusedWithAnAdviceThisServerCanFollow() throws Exception {
        call(tool, Map.of("name", "tiny", "source_code", SOURCE));

        assertThatThrownBy(() -> call(tool, Map.of("name", "tiny", "source_code", SOURCE)))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
                    assertThat(ToolAdvice.message(e))
                            .isEqualTo("a custom scheduler named 'tiny' exists already; give "
                                    + "create_and_verify_scheduler another name (no tool of this server removes one)");
                })
                .hasMessage("a custom scheduler named 'tiny' exists already");
    }
}
