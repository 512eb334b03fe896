package io.schedcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {

    private static McpTool tool(String name, boolean changesHost) {
        return new McpTool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "a test tool";
            }

            @Override
            public JsonSchema input() {
                return JsonSchema.object("none").closed();
            }

            @Override
            public JsonSchema output() {
                return JsonSchema.object("none");
            }

            @Override
            public boolean changesHost() {
                return changesHost;
            }

            @Override
            public ToolResult call(ToolArguments arguments, ToolProgress progress) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void theReadOnlySetIsTheToolsThatChangeNothingInCatalogOrder() {
        assertThat(ToolCatalog.names(true))
                .containsExactly("list_schedulers", "get_execution_status", "system_monitor", "recommend_scheduler");
        assertThat(ToolCatalog.names(false))
                .hasSize(ToolCatalog.entries().size())
                .containsAll(ToolCatalog.names(true));
    }

    @Test
    void theInstructionsGiveEveryToolItsSummary() {
        String instructions = ToolCatalog.instructions(false);
        ToolCatalog.entries()
                .forEach(entry -> assertThat(instructions).contains(entry.name() + ": " + entry.summary()));
    }

    @Test
    void anEntryThatDisagreesWithItsToolIsABugFoundWhenTheServerStarts() {
        List<ToolCatalog.Entry> wrongName =
                List.of(new ToolCatalog.Entry("a_tool", "x", false, context -> tool("another_tool", false)));
        List<ToolCatalog.Entry> wrongEffect =
                List.of(new ToolCatalog.Entry("a_tool", "x", false, context -> tool("a_tool", true)));

        assertThatThrownBy(() -> ToolCatalog.tools(wrongName, null, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another_tool");
        assertThatThrownBy(() -> ToolCatalog.tools(wrongEffect, null, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changes the host: true");
        assertThat(ToolCatalog.tools(
                        List.of(new ToolCatalog.Entry("a_tool", "x", true, context -> tool("a_tool", true))),
                        null,
                        true))
                .isEmpty();
    }
}
