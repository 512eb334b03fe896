package io.schedcp.mcp.tools;

import static io.schedcp.mcp.tools.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.mcp.FakeSloControl;
import io.schedcp.mcp.JsonSchema;
import io.schedcp.mcp.ToolResult;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.control.GroupChange;
import io.schedcp.slo.stats.SloStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** slo onto a fake running scx_slo: its status, a group's change, and what it refuses before connecting. */
class SloToolTest {

    private final FakeSloControl running = FakeSloControl.running(FakeSloControl.sampleStatus());
    private final SloTool tool = new SloTool(running);

    private SchedcpException failure(SloTool tool, Map<String, Object> arguments) {
        return catchThrowableOfType(SchedcpException.class, () -> call(tool, arguments));
    }

    @Test
    void statusReturnsTheStatusAsStructuredContentAndALineAGroup() throws Exception {
        ToolResult result = call(tool, Map.of("action", "status"));

        SloTool.Outcome outcome = (SloTool.Outcome) result.value();
        assertThat(outcome.action()).isEqualTo("status");
        assertThat(outcome.status()).contains(FakeSloControl.sampleStatus());
        assertThat(outcome.group()).isEmpty();
        Map<String, Object> content = SchedcpJson.toMap(result.value());
        assertThat(SchedcpJson.mapper().convertValue(content.get("status"), SloStatus.class))
                .isEqualTo(FakeSloControl.sampleStatus());
        assertThat(content).doesNotContainKey("group");
        assertThat(result.text())
                .startsWith("scx_slo at 2026-12-02T15:00:00Z, 4 CPUs: 2 configured group(s), 3 recent miss(es).")
                .contains("\n- lat: budget 2 ms, 1200 runs, 3 misses (0.25 %), wake-to-run p50 45 µs, p99 1800 µs, "
                        + "CPU 12.5 %")
                .contains("\n- batch: budget 50 ms, 0 runs, 0 misses (0.00 %), CPU 50.0 %")
                .contains("\n- (unconfigured): budget 20 ms, 5000 runs");
        assertThat(result.failure()).isFalse();
    }

    @Test
    void setPassesTheArgumentsAsAGroupChangeWithTheBudgetInNanoseconds() throws Exception {
        ToolResult result = call(
                tool, Map.of("action", "set", "cgroup", "lat", "budget_ms", 1.5, "importance", 10, "max_cpu_pct", 80));

        assertThat(running.changes)
                .containsExactly(
                        new GroupChange("lat", OptionalLong.of(1_500_000), OptionalInt.of(10), OptionalInt.of(80)));
        SloTool.Outcome outcome = (SloTool.Outcome) result.value();
        assertThat(outcome.group()).contains(new SloGroup("lat", 1_500_000, 10, 80, Optional.empty()));
        assertThat(outcome.status()).isEmpty();
        assertThat(result.text())
                .isEqualTo("lat now has a budget of 1.5 ms, importance 10 and a cap of 80 % of the CPUs.");
    }

    @Test
    void aWholeBudgetAndOnlySomeFieldsAreAChangeOfThoseFields() throws Exception {
        call(tool, Map.of("action", "set", "cgroup", "web", "budget_ms", 2));
        call(tool, Map.of("action", "set", "cgroup", "lat", "max_cpu_pct", 50));

        assertThat(running.changes)
                .containsExactly(
                        new GroupChange("web", OptionalLong.of(2_000_000), OptionalInt.empty(), OptionalInt.empty()),
                        new GroupChange("lat", OptionalLong.empty(), OptionalInt.empty(), OptionalInt.of(50)));
    }

    @Test
    void badArgumentsAreRejectedAsInvalidInputBeforeConnecting() {
        SloTool notRunning = new SloTool(FakeSloControl.notRunning());

        SchedcpException noCgroup = failure(notRunning, Map.of("action", "set", "budget_ms", 2));
        SchedcpException nothingToSet = failure(notRunning, Map.of("action", "set", "cgroup", "lat"));
        SchedcpException budget = failure(notRunning, Map.of("action", "set", "cgroup", "lat", "budget_ms", 0.001));
        SchedcpException importance = failure(notRunning, Map.of("action", "set", "cgroup", "lat", "importance", 101));
        SchedcpException cap = failure(notRunning, Map.of("action", "set", "cgroup", "lat", "max_cpu_pct", 0));
        SchedcpException fraction = failure(notRunning, Map.of("action", "set", "cgroup", "lat", "importance", 1.5));
        SchedcpException action = failure(notRunning, Map.of("action", "restart"));

        assertThat(noCgroup.getMessage()).startsWith("slo needs the argument 'cgroup' (a string)");
        assertThat(nothingToSet.getMessage())
                .isEqualTo("slo's set needs at least one of budget_ms, importance and max_cpu_pct, such as "
                        + "{\"action\": \"set\", \"cgroup\": \"lat\", \"budget_ms\": 2}");
        assertThat(budget.getMessage())
                .isEqualTo("slo's argument 'budget_ms' is 0.001, out of range: give a budget from 0.01 to 10000 ms");
        assertThat(importance.getMessage())
                .isEqualTo("slo's argument 'importance' is 101, out of range: give it a value from 0 to 100");
        assertThat(cap.getMessage())
                .isEqualTo("slo's argument 'max_cpu_pct' is 0, out of range: give it a value from 1 to 100");
        assertThat(fraction.getMessage()).startsWith("slo's argument 'importance' must be an integer");
        assertThat(action.getMessage()).contains("one of status, set");
        assertThat(List.of(noCgroup, nothingToSet, budget, importance, cap, fraction, action))
                .allSatisfy(e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT));
    }

    @Test
    void withoutARunningScxSloBothActionsFailAsUnavailableWithTheClientsMessage() {
        SloTool notRunning = new SloTool(FakeSloControl.notRunning());

        SchedcpException status = failure(notRunning, Map.of("action", "status"));
        SchedcpException set = failure(notRunning, Map.of("action", "set", "cgroup", "lat", "budget_ms", 2));

        assertThat(status.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(status.getMessage()).isEqualTo(FakeSloControl.NOT_RUNNING);
        assertThat(set.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(set.getMessage()).isEqualTo(FakeSloControl.NOT_RUNNING);
    }

    @Test
    void itsSchemaDeclaresEveryArgumentAndChangingAGroupCountsAsChangingTheHost() {
        JsonSchema input = tool.input();

        assertThat(input.properties()).containsOnlyKeys("action", "cgroup", "budget_ms", "importance", "max_cpu_pct");
        assertThat(input.requiredNames()).containsExactly("action");
        assertThat(input.properties().get("budget_ms").type()).isEqualTo("number");
        assertThat(input.isClosed()).isTrue();
        assertThat(tool.output().properties()).containsOnlyKeys("action", "status", "group");
        assertThat(tool.changesHost()).isTrue();
    }
}
