package io.schedcp.mcp.tools;

import static io.schedcp.mcp.tools.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.mcp.FakePolicyControl;
import io.schedcp.mcp.ToolResult;
import io.schedcp.userspace.control.PolicyStatus;
import io.schedcp.userspace.strategy.Strategy;
import io.schedcp.userspace.strategy.TaskMatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** policy onto a fake running scx_userspace: its status, its strategies listed and changed, and refusals. */
class PolicyToolTest {

    private static final Strategy WEB = new Strategy("web", TaskMatch.ByComm.of("^nginx"), true, OptionalLong.empty());

    private final FakePolicyControl running = FakePolicyControl.running("strategies");
    private final PolicyTool tool = new PolicyTool(running);

    private static SchedcpException failure(PolicyTool tool, Map<String, Object> arguments) {
        return catchThrowableOfType(SchedcpException.class, () -> call(tool, arguments));
    }

    @Test
    void statusReturnsTheStatusAsStructuredContentAndASentence() throws Exception {
        ToolResult result = call(tool, Map.of("action", "status"));

        Map<String, Object> content = SchedcpJson.toMap(result.value());
        assertThat(SchedcpJson.mapper().convertValue(content.get("status"), PolicyStatus.class))
                .isEqualTo(FakePolicyControl.STATUS);
        assertThat(content).doesNotContainKeys("strategies", "generation", "removed");
        assertThat(result.text())
                .startsWith("scx_userspace runs the policy strategies: 101 queued to Java, 102 dispatched")
                .contains("round trip p50 12.0 µs, p99 99.5 µs, p99.9 250.0 µs");
    }

    @Test
    void setPutsTheStrategyTheArgumentsDescribeAndListShowsItAsTheWireSpellsIt() throws Exception {
        ToolResult set = call(tool, Map.of("action", "set", "id", "web", "comm", "^nginx", "priority", true));
        ToolResult list = call(tool, Map.of("action", "list"));

        assertThat(running.book.list()).containsExactly(WEB);
        assertThat(set.text()).isEqualTo("strategy web set; the book is at generation 1.");
        assertThat(SchedcpJson.toMap(list.value()).get("strategies"))
                .isEqualTo(List.of(Map.of("id", "web", "comm", "^nginx", "priority", true)));
    }

    @Test
    void removeSaysWhetherThereWasSuchAStrategy() throws Exception {
        running.book.put(WEB);

        ToolResult removed = call(tool, Map.of("action", "remove", "id", "web"));
        ToolResult again = call(tool, Map.of("action", "remove", "id", "web"));

        assertThat(((PolicyTool.Outcome) removed.value()).removed()).contains(true);
        assertThat(((PolicyTool.Outcome) again.value()).removed()).contains(false);
        assertThat(again.text()).isEqualTo("scx_userspace holds no strategy web.");
    }

    @Test
    void aSetWithNoneOrTwoMatchesOrABadSliceIsInvalidInputAndChangesNothing() {
        SchedcpException none = failure(tool, Map.of("action", "set", "id", "web", "priority", true));
        SchedcpException two = failure(tool, Map.of("action", "set", "id", "web", "pid", 4, "comm", "x"));
        SchedcpException slice = failure(tool, Map.of("action", "set", "id", "web", "pid", 4, "slice_us", 1));
        SchedcpException noId = failure(tool, Map.of("action", "remove"));

        assertThat(none.getMessage()).startsWith("policy's set needs exactly one of pid, comm and cgroup, not 0");
        assertThat(two.getMessage()).startsWith("policy's set needs exactly one of pid, comm and cgroup, not 2");
        assertThat(slice.getMessage()).startsWith("policy's strategy web is not valid");
        assertThat(noId.getMessage()).isEqualTo("policy's remove needs the argument 'id', the strategy's id");
        assertThat(List.of(none, two, slice, noId))
                .allSatisfy(e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT));
        assertThat(running.book.list()).isEmpty();
    }

    @Test
    void withoutARunningScxUserspaceItFailsAsUnavailableNamingTheToolThatStartsIt() {
        Path socket = Path.of("/home/u/.schedcp/userspace.sock");
        PolicyTool notRunning = new PolicyTool(FakePolicyControl.notRunning(socket));

        SchedcpException status = failure(notRunning, Map.of("action", "status"));

        assertThat(status.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(status.getMessage())
                .isEqualTo("scx_userspace is not running: no agent listens on " + socket + "; " + PolicyTool.START);
    }

    @Test
    void itsSchemaDeclaresEveryArgumentAndChangingStrategiesCountsAsChangingTheHost() {
        assertThat(tool.input().properties())
                .containsOnlyKeys("action", "id", "pid", "comm", "cgroup", "priority", "slice_us");
        assertThat(tool.input().requiredNames()).containsExactly("action");
        assertThat(tool.input().isClosed()).isTrue();
        assertThat(tool.output().properties())
                .containsOnlyKeys("action", "status", "strategies", "generation", "removed");
        assertThat(tool.changesHost()).isTrue();
    }
}
