package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.ErrorDetail;
import io.schedcp.api.ErrorDetail.CustomNotRunnable;
import io.schedcp.api.ErrorDetail.ForeignScheduler;
import io.schedcp.api.ErrorDetail.Input;
import io.schedcp.api.ErrorDetail.MissingInput;
import io.schedcp.api.ErrorDetail.NameTaken;
import io.schedcp.api.ErrorDetail.NotPossibleHere;
import io.schedcp.api.ErrorDetail.OutOfRange;
import io.schedcp.api.ErrorDetail.RepeatedValue;
import io.schedcp.api.ErrorDetail.RootRefused;
import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.mcp.ToolAdvice;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every kind of error detail gets advice from both front ends, each in its own terms only. */
class FrontEndAdviceTest {

    /** A schedcp command or a flag: what only the CLI may name. */
    private static final Pattern CLI_WORDS = Pattern.compile("'schedcp |schedcp (list|show|run|create|verify|remove"
            + "|monitor|status|workload|recommend|bench|lab)\\b|--[a-z]|'--'");
    /** An MCP tool: what only the MCP server may name. */
    private static final Pattern MCP_WORDS = Pattern.compile("list_schedulers|run_scheduler|stop_scheduler"
            + "|get_execution_status|create_and_verify_scheduler|system_monitor|recommend_scheduler|benchmark's"
            + "|workload \\{|replace_foreign");

    private static List<ErrorDetail> everyDetail() {
        List<ErrorDetail> details = new ArrayList<>();
        for (Subject subject : Subject.values()) {
            details.add(new UnknownName(subject, "nope", List.of()));
            details.add(new UnknownName(subject, "nope", List.of("near")));
            details.add(new NameTaken(subject, "taken"));
        }
        for (Input input : Input.values()) {
            details.add(new MissingInput(input));
            details.add(new RepeatedValue(input, "twice"));
            details.add(new OutOfRange(input, 0, 1, 100));
            details.add(new NotPossibleHere(input, "host"));
        }
        for (CustomNotRunnable.Why why : CustomNotRunnable.Why.values()) {
            details.add(new CustomNotRunnable("fifo", why));
        }
        details.add(new ForeignScheduler("scx_simple", "qmap", true));
        details.add(new ForeignScheduler("scx_simple", "qmap", false));
        for (RootRefused.Why why : RootRefused.Why.values()) {
            details.add(new RootRefused(why));
        }
        return details;
    }

    @Test
    void theCliNamesItsCommandsOrFlagsAndNoMcpTool() {
        assertThat(everyDetail())
                .allSatisfy(detail -> assertThat(CliAdvice.of(detail))
                        .as(detail.toString())
                        .isNotBlank()
                        .doesNotContainPattern(MCP_WORDS));
    }

    @Test
    void theMcpServerNamesItsToolsAndNoCliCommandOrFlag() {
        assertThat(everyDetail())
                .allSatisfy(detail -> assertThat(ToolAdvice.of(detail))
                        .as(detail.toString())
                        .isNotBlank()
                        .doesNotContainPattern(CLI_WORDS));
    }

    @Test
    void theTwoFrontEndsNeverGiveTheSameAdviceForADetailTheyBothReach() {
        List<ErrorDetail> shared = List.of(
                new UnknownName(Subject.SCHEDULER, "scx_simpel", List.of("scx_simple")),
                new UnknownName(Subject.EXECUTION, "e-1", List.of()),
                new UnknownName(Subject.WORKLOAD, "w-1", List.of()),
                new OutOfRange(Input.BENCH_RUNS, 0, 1, 100),
                new CustomNotRunnable("fifo", CustomNotRunnable.Why.FAILED_VERIFICATION),
                new NameTaken(Subject.CUSTOM_SCHEDULER, "fifo"),
                new ForeignScheduler("scx_simple", "qmap", true),
                new RootRefused(RootRefused.Why.WRONG_PASSWORD));

        assertThat(shared)
                .allSatisfy(detail ->
                        assertThat(CliAdvice.of(detail)).as(detail.toString()).isNotEqualTo(ToolAdvice.of(detail)));
        assertThat(CliAdvice.of(shared.get(0))).contains("'schedcp list'");
        assertThat(ToolAdvice.of(shared.get(0))).contains("list_schedulers");
    }
}
