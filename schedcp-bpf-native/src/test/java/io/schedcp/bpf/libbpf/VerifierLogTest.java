package io.schedcp.bpf.libbpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding the verifier's log in libbpf's messages, and trimming it to what says why. */
class VerifierLogTest {

    /** A rejected loop, laid out as a 6.x kernel logs at level 1 (abridged). */
    private static final String LOOP_LOG = """
            func#0 @0
            0: R1=ctx() R10=fp0
            ; int dispatch(void *ctx) @ loop.bpf.c:10
            0: (b7) r6 = 0                        ; R6_w=0
            1: (b7) r7 = 0                        ; R7_w=0
            ; for (i = 0; i < n; i++) @ loop.bpf.c:14
            2: (bf) r1 = r6                       ; R1_w=0 R6_w=0
            3: (07) r1 += 1                       ; R1_w=1
            from 3 to 2: R1_w=2 R6=1 R10=fp0
            ; total += slot[i]; @ loop.bpf.c:15
            4: (0f) r2 += r1                      ; R1=scalar() R2_w=map_value(map=slots,ks=4,vs=64)
            5: (71) r3 = *(u8 *)(r2 +0)
            R2 unbounded memory access, make sure to bounds check any such access
            processed 4096 insns (limit 1000000) max_states_per_insn 4 total_states 80 peak_states 80 mark_read 3
            verification time 1850 usec
            stack depth 8
            """;

    private static String printed(String program, String log) {
        return "prog '" + program + "': -- BEGIN PROG LOAD LOG --\n" + log + "-- END PROG LOAD LOG --";
    }

    @Test
    void findsTheLogOfEachRejectedProgramInLibbpfsMessages() {
        List<VerifierLog> logs = VerifierLog.extract(List.of(
                "prog 'dispatch': BPF program load failed: Permission denied",
                printed("dispatch", LOOP_LOG),
                "prog 'dispatch': failed to load: -13",
                "failed to load object 'loop'"));

        assertThat(logs).singleElement().satisfies(log -> {
            assertThat(log.program()).isEqualTo("dispatch");
            assertThat(log.lines()).hasSize(16).startsWith("func#0 @0").endsWith("stack depth 8");
        });
    }

    @Test
    void aLogWithoutATrailingNewlineStillEndsAtTheMarker() {
        List<VerifierLog> logs = VerifierLog.extract(List.of(printed("p", "0: R1=ctx()\ninvalid func unknown#195")));

        assertThat(logs)
                .singleElement()
                .extracting(VerifierLog::lines)
                .isEqualTo(List.of("0: R1=ctx()", "invalid func unknown#195"));
    }

    @Test
    void messagesWithoutALogHaveNone() {
        assertThat(VerifierLog.extract(List.of("failed to load object 'x'", "prog 'p': failed to load: -22")))
                .isEmpty();
    }

    @Test
    void theEssentialsAreTheLastInstructionsWithTheirSourceLinesAndTheError() {
        VerifierLog log =
                VerifierLog.extract(List.of(printed("dispatch", LOOP_LOG))).get(0);

        assertThat(log.essentials())
                .containsExactly(
                        "; for (i = 0; i < n; i++) @ loop.bpf.c:14",
                        "3: (07) r1 += 1                       ; R1_w=1",
                        "; total += slot[i]; @ loop.bpf.c:15",
                        "4: (0f) r2 += r1                      ; R1=scalar() R2_w=map_value(map=slots,ks=4,vs=64)",
                        "5: (71) r3 = *(u8 *)(r2 +0)",
                        "R2 unbounded memory access, make sure to bounds check any such access");
    }

    @Test
    void theSourceLineIsFoundAFewInstructionsBackWhenTheKeptOnesShareIt() {
        VerifierLog log = new VerifierLog(
                "p",
                List.of(
                        "; x = a + b + c + d; @ p.bpf.c:3",
                        "0: (b7) r1 = 1",
                        "1: (b7) r2 = 2",
                        "2: (0f) r1 += r2",
                        "3: (0f) r1 += r3",
                        "R3 !read_ok"));

        assertThat(log.essentials())
                .containsExactly(
                        "; x = a + b + c + d; @ p.bpf.c:3",
                        "1: (b7) r2 = 2",
                        "2: (0f) r1 += r2",
                        "3: (0f) r1 += r3",
                        "R3 !read_ok");
    }

    @Test
    void theErrorIsTheLineAfterTheTraceEvenWhenTheKernelExplainsItBelow() {
        VerifierLog log = new VerifierLog(
                "verr_enqueue",
                List.of(
                        "; tctx->enqueues++; @ verifier_error.bpf.c:24",
                        "8: (79) r1 = *(u64 *)(r0 +0)",
                        "R0 invalid mem access 'map_value_or_null'",
                        "Verification failed: Register Type Safety: Invalid dereference",
                        "Suggestion:",
                        "  Add a NULL check before the access.",
                        "processed 9 insns (limit 1000000)"));

        assertThat(log.error()).isEqualTo("R0 invalid mem access 'map_value_or_null'");
        assertThat(new VerifierLog("p", List.of("magic: 0xeb9f", "Invalid type_id")).error())
                .isEqualTo("Invalid type_id");
    }

    @Test
    void aLogWithoutAnInstructionTraceKeepsItsLastLines() {
        VerifierLog log = new VerifierLog(
                "p",
                List.of(
                        "magic: 0xeb9f",
                        "version: 1",
                        "[1] FUNC_PROTO (anon)",
                        "[2] FUNC p type_id=1",
                        "[3] VAR x type_id=9",
                        "Invalid type_id",
                        "processed 0 insns"));

        assertThat(log.essentials())
                .containsExactly(
                        "version: 1",
                        "[1] FUNC_PROTO (anon)",
                        "[2] FUNC p type_id=1",
                        "[3] VAR x type_id=9",
                        "Invalid type_id");
    }

    @Test
    void longLinesAreCut() {
        String longLine = "5: (71) r3 = *(u8 *)(r2 +0)      ; " + "R9=scalar() ".repeat(40);
        VerifierLog log = new VerifierLog("p", List.of(longLine, "invalid access"));

        assertThat(log.essentials().get(0)).hasSize(244).endsWith(" ...");
    }
}
