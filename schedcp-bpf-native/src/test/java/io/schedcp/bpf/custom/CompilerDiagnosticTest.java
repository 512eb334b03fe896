package io.schedcp.bpf.custom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompilerDiagnosticTest {

    /** What clang-19 prints for a source with two mistakes, source excerpts and carets included. */
    private static final List<String> OUTPUT = List.of(
            "fifo.bpf.c:12:5: error: use of undeclared identifier 'foo'",
            "   12 |     foo = 1;",
            "      |     ^",
            "fifo.bpf.c:20:9: warning: unused variable 'x' [-Wunused-variable]",
            "   20 |         int x;",
            "      |             ^",
            "fifo.bpf.c:7:6: note: previous definition is here",
            "In file included from fifo.bpf.c:1:",
            "/usr/include/scx/common.bpf.h:3:10: fatal error: 'vmlinux.h' file not found",
            "    3 | #include \"vmlinux.h\"",
            "      |          ^~~~~~~~~~~",
            "1 warning and 2 errors generated.");

    @Test
    void anErrorLineGivesFileLineColumnSeverityAndMessage() {
        assertThat(CompilerDiagnostic.parse("fifo.bpf.c:12:5: error: use of undeclared identifier 'foo'"))
                .contains(new CompilerDiagnostic("fifo.bpf.c", 12, 5, "error", "use of undeclared identifier 'foo'"));
    }

    @Test
    void everyMessageOfClangIsFoundInOrderAndTheRestIsLeftOut() {
        List<CompilerDiagnostic> diagnostics = CompilerDiagnostic.parseAll(OUTPUT);

        assertThat(diagnostics)
                .extracting(CompilerDiagnostic::severity)
                .containsExactly("error", "warning", "note", "fatal error");
        assertThat(diagnostics.get(1))
                .isEqualTo(new CompilerDiagnostic(
                        "fifo.bpf.c", 20, 9, "warning", "unused variable 'x' [-Wunused-variable]"));
        assertThat(diagnostics.get(3))
                .isEqualTo(new CompilerDiagnostic(
                        "/usr/include/scx/common.bpf.h", 3, 10, "fatal error", "'vmlinux.h' file not found"));
    }

    @Test
    void errorsAndFatalErrorsAreErrorsButWarningsAndNotesAreNot() {
        assertThat(CompilerDiagnostic.parseAll(OUTPUT))
                .filteredOn(CompilerDiagnostic::isError)
                .extracting(CompilerDiagnostic::line)
                .containsExactly(12, 3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "   12 |     foo = 1;",
                "      |     ^",
                "In file included from fifo.bpf.c:1:",
                "1 warning and 2 errors generated.",
                "clang: error: no input files",
                "fifo.bpf.c:12: error: no column",
                ""
            })
    void linesThatAreNotDiagnosticsAreNotParsed(String line) {
        assertThat(CompilerDiagnostic.parse(line)).isEmpty();
    }

    @Test
    void aPathWithColonsStaysWhole() {
        assertThat(CompilerDiagnostic.parse("/tmp/a:b/fifo.bpf.c:3:1: error: expected ';'"))
                .hasValueSatisfying(d -> assertThat(d.file()).isEqualTo("/tmp/a:b/fifo.bpf.c"));
    }

    @Test
    void toStringWritesTheLineAsClangDid() {
        for (String line : List.of(OUTPUT.get(0), OUTPUT.get(3), OUTPUT.get(6), OUTPUT.get(8))) {
            assertThat(CompilerDiagnostic.parse(line).orElseThrow()).hasToString(line);
        }
    }
}
