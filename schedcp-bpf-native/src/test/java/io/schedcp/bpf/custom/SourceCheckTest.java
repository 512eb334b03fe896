package io.schedcp.bpf.custom;

import static io.schedcp.bpf.custom.TinyScheduler.CALLBACKS;
import static io.schedcp.bpf.custom.TinyScheduler.OPS;
import static io.schedcp.bpf.custom.TinyScheduler.PRELUDE;
import static io.schedcp.bpf.custom.TinyScheduler.SOURCE;
import static io.schedcp.bpf.custom.TinyScheduler.lineOf;
import static io.schedcp.bpf.custom.TinyScheduler.replacing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class SourceCheckTest {

    private static final int OPS_LINE = lineOf(SOURCE, "SCX_OPS_DEFINE");

    private static SourceProblem onlyError(String source) {
        SourceCheck.Result result = SourceCheck.check(source);
        assertThat(result.accepted()).isFalse();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    @Test
    void aGoodSourceIsAcceptedWithItsMapOpsNameAndFields() {
        SourceCheck.Result result = SourceCheck.check(SOURCE);

        assertThat(result.accepted()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.ops()).hasValueSatisfying(ops -> {
            assertThat(ops.mapName()).isEqualTo("tiny_ops");
            assertThat(ops.opsName()).isEqualTo("tiny");
            assertThat(ops.line()).isEqualTo(OPS_LINE);
            assertThat(ops.fields())
                    .containsExactly(
                            entry("name", "\"tiny\""),
                            entry("enqueue", "tiny_enqueue"),
                            entry("dispatch", "tiny_dispatch"),
                            entry("init", "tiny_init"),
                            entry("exit", "tiny_exit"));
        });
    }

    @Test
    void aStructOpsLinkDeclarationIsRecognisedLikeScxOpsDefine() {
        String source = PRELUDE + CALLBACKS + """
                SEC(".struct_ops.link")
                struct sched_ext_ops tiny_ops = {
                    .enqueue  = (void *)tiny_enqueue,
                    .dispatch = (void *)tiny_dispatch,
                    .init     = (void *)tiny_init,
                    .exit     = (void *)tiny_exit,
                    .name     = "tiny",
                };
                """;

        SourceCheck.Result result = SourceCheck.check(source);

        assertThat(result.problems()).isEmpty();
        assertThat(result.ops()).hasValueSatisfying(ops -> {
            assertThat(ops.mapName()).isEqualTo("tiny_ops");
            assertThat(ops.opsName()).isEqualTo("tiny");
            assertThat(ops.line()).isEqualTo(lineOf(source, "SEC(\".struct_ops.link\")"));
            assertThat(ops.fields()).containsOnlyKeys("enqueue", "dispatch", "init", "exit", "name");
        });
    }

    @Test
    void aSourceWithoutTheScxIncludeIsRejectedOnLineOneWithTheIncludeToAdd() {
        SourceProblem problem = onlyError(replacing("#include <scx/common.bpf.h>", ""));

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("add '#include <scx/common.bpf.h>'");
    }

    @Test
    void aQuotedScxIncludeCountsToo() {
        assertThat(SourceCheck.check(replacing("<scx/common.bpf.h>", "\"scx/common.bpf.h\""))
                        .accepted())
                .isTrue();
    }

    @Test
    void aSourceWithoutALicenseIsRejectedForTheWholeFileWithTheLineToAdd() {
        SourceProblem problem = onlyError(replacing("char _license[] SEC(\"license\") = \"GPL\";", ""));

        assertThat(problem.line()).isZero();
        assertThat(problem.message()).contains("GPL-only").contains("char _license[] SEC(\"license\") = \"GPL\";");
    }

    @Test
    void aSourceWithoutAStructOpsMapIsRejectedWithHowToDeclareOne() {
        SourceCheck.Result result = SourceCheck.check(PRELUDE + CALLBACKS);

        assertThat(result.ops()).isEmpty();
        assertThat(onlyError(PRELUDE + CALLBACKS).message())
                .contains("no sched_ext_ops struct_ops map")
                .contains("SCX_OPS_DEFINE(my_ops");
    }

    @Test
    void aMapWithoutANameIsRejectedOnItsLineWithANameToSet() {
        SourceProblem problem = onlyError(replacing(".name = \"tiny\",", ""));

        assertThat(problem.line()).isEqualTo(OPS_LINE);
        assertThat(problem.message()).contains("tiny_ops sets no .name").contains("add .name = \"tiny\"");
    }

    @Test
    void aNameTheKernelRefusesIsRejectedWithTheCharactersAllowed() {
        SourceProblem problem = onlyError(replacing(".name = \"tiny\"", ".name = \"tiny-fifo\""));

        assertThat(problem.line()).isEqualTo(OPS_LINE);
        assertThat(problem.message())
                .startsWith(".name = \"tiny-fifo\" is not a name the kernel accepts")
                .contains("letters, digits, '_' or '.'");
    }

    @Test
    void anEmptyNameIsRejected() {
        assertThat(onlyError(replacing(".name = \"tiny\"", ".name = \"\"")).message())
                .contains("is not a name the kernel accepts");
    }

    @Test
    void aNameOf127CharactersIsTheLongestAccepted() {
        String longest = "t".repeat(127);

        assertThat(SourceCheck.check(replacing("\"tiny\"", "\"" + longest + "\""))
                        .accepted())
                .isTrue();
        assertThat(onlyError(replacing("\"tiny\"", "\"" + longest + "t\"")).message())
                .contains("1 to 127");
    }

    @Test
    void aMapWithNoSchedulingCallbackIsRejectedAskingForEnqueue() {
        String source =
                replacing(replacing(".enqueue = (void *)tiny_enqueue,", ""), ".dispatch = (void *)tiny_dispatch,", "");

        SourceProblem problem = onlyError(source);

        assertThat(problem.line()).isEqualTo(OPS_LINE);
        assertThat(problem.message())
                .contains("sets none of the scheduling callbacks [select_cpu, enqueue, dispatch]")
                .contains("set at least .enqueue");
    }

    @Test
    void aCallbackWrittenOutAsSecStructOpsWithBpfProgIsDefined() {
        String source = replacing(
                "void BPF_STRUCT_OPS(tiny_dispatch, s32 cpu, struct task_struct *prev)",
                "SEC(\"struct_ops/tiny_dispatch\")\nvoid BPF_PROG(tiny_dispatch, s32 cpu, struct task_struct *prev)");

        assertThat(SourceCheck.check(source).problems()).isEmpty();
    }

    @Test
    void aClosingParenthesisInsideTheNameIsTheNamesProblemAlone() {
        SourceProblem problem = onlyError(replacing(".name = \"tiny\"", ".name = \"ti)ny\""));

        assertThat(problem.message()).startsWith(".name = \"ti)ny\" is not a name the kernel accepts");
    }

    @Test
    void aCallbackTheMapNamesButTheSourceDoesNotDefineIsRejectedWithTheMacroToUse() {
        SourceProblem problem = onlyError(replacing("(void *)tiny_dispatch", "(void *)tiny_consume"));

        assertThat(problem.line()).isEqualTo(OPS_LINE);
        assertThat(problem.message())
                .isEqualTo(".dispatch = tiny_consume, but the source defines no tiny_consume: "
                        + "define it with BPF_STRUCT_OPS(tiny_consume, ...)");
    }

    @Test
    void flagsAndTimeoutsAreNotTakenForCallbacks() {
        String source = replacing(
                ".name = \"tiny\",",
                ".name = \"tiny\",\n.flags = SCX_OPS_ENQ_LAST,\n.timeout_ms = 5000U,\n.dispatch_max_batch = 8,");

        SourceCheck.Result result = SourceCheck.check(source);

        assertThat(result.problems()).isEmpty();
        assertThat(result.ops().orElseThrow().fields())
                .contains(
                        entry("flags", "SCX_OPS_ENQ_LAST"),
                        entry("timeout_ms", "5000U"),
                        entry("dispatch_max_batch", "8"));
    }

    @Test
    void creatingADsqWithoutAnInitCallbackIsRejectedSayingWhereToCreateIt() {
        SourceProblem problem = onlyError(replacing(".init = (void *)tiny_init,", ""));

        assertThat(problem.line()).isEqualTo(OPS_LINE);
        assertThat(problem.message())
                .contains("calls scx_bpf_create_dsq but the struct_ops map sets no .init")
                .contains("BPF_STRUCT_OPS_SLEEPABLE");
    }

    @Test
    void aMapWithoutAnExitCallbackIsAcceptedWithAWarning() {
        SourceCheck.Result result = SourceCheck.check(replacing(".exit = (void *)tiny_exit", ""));

        assertThat(result.accepted()).isTrue();
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.error()).isFalse();
            assertThat(warning.line()).isEqualTo(OPS_LINE);
            assertThat(warning.message()).contains("no .exit callback").contains("UEI_RECORD(uei, ei)");
        });
    }

    @Test
    void anExitCallbackThatRecordsNothingIsAcceptedWithAWarning() {
        SourceCheck.Result result = SourceCheck.check(replacing("UEI_RECORD(uei, ei);", ""));

        assertThat(result.accepted()).isTrue();
        assertThat(result.warnings())
                .singleElement()
                .extracting(SourceProblem::message)
                .asString()
                .contains("UEI_RECORD");
    }

    @Test
    void aMapThatOnlyAppearsInACommentIsNoMap() {
        String source = PRELUDE + CALLBACKS + "/*\n" + OPS + "*/\n";

        SourceCheck.Result result = SourceCheck.check(source);

        assertThat(result.ops()).isEmpty();
        assertThat(result.errors())
                .singleElement()
                .extracting(SourceProblem::message)
                .asString()
                .contains("no sched_ext_ops struct_ops map");
    }

    @Test
    void aLicenseOrIncludeInALineCommentDoesNotCount() {
        String source = replacing(replacing("char _license[]", "// char _license[]"), "#include", "// #include");

        assertThat(SourceCheck.check(source).errors())
                .extracting(SourceProblem::message)
                .satisfiesExactlyInAnyOrder(
                        message -> assertThat(message).contains("does not include <scx/common.bpf.h>"),
                        message -> assertThat(message).contains("no license section"));
    }

    @Test
    void aCallbackDefinedOnlyInACommentIsNotDefined() {
        String source = replacing(
                "void BPF_STRUCT_OPS(tiny_dispatch, s32 cpu, struct task_struct *prev)\n{\n"
                        + "    scx_bpf_dsq_move_to_local(SHARED_DSQ, 0);\n}",
                "/* void BPF_STRUCT_OPS(tiny_dispatch, s32 cpu, struct task_struct *prev) {} */");

        assertThat(onlyError(source).message()).contains("defines no tiny_dispatch");
    }

    @Test
    void commentMarkersInsideStringsAreNotComments() {
        String source = replacing(
                "#define SHARED_DSQ 0", "const char banner[] = \"/* not a comment\";\n" + "#define SHARED_DSQ 0");

        assertThat(SourceCheck.check(source).problems()).isEmpty();
    }

    @Test
    void errorsKeepTheLineOfTheMapWhenCommentsComeBeforeIt() {
        String source = "/*\n * header\n * comment\n */\n" + replacing("(void *)tiny_dispatch", "(void *)nope");

        assertThat(onlyError(source).line()).isEqualTo(OPS_LINE + 4);
    }

    @Test
    void aProblemIsFormattedTheWayCompilersWriteThem() {
        assertThat(new SourceProblem(12, "no .name", true).format("tiny.bpf.c"))
                .isEqualTo("tiny.bpf.c:12: error: no .name");
        assertThat(new SourceProblem(0, "no exit", false).format("tiny.bpf.c"))
                .isEqualTo("tiny.bpf.c: warning: no exit");
    }
}
