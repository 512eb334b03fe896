package io.schedcp.mcp.tools;

import static io.schedcp.mcp.tools.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.mcp.FakeHost;
import io.schedcp.mcp.ToolResult;
import io.schedcp.mcp.tools.ListSchedulersTool.Listed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListSchedulersToolTest {

    @TempDir
    Path temp;

    private FakeHost host;
    private ListSchedulersTool tool;

    @BeforeEach
    void setUp() {
        host = new FakeHost(temp);
        tool = new ListSchedulersTool(host.manager);
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    @Test
    void listsEverySchedulerWithItsDescriptorAndAvailability() throws Exception {
        ToolResult result = call(tool, Map.of());

        Listed listed = (Listed) result.value();
        assertThat(listed.schedulers())
                .extracting(SchedulerView::name)
                .containsExactly("fake_a", "fake_b", "fake_missing");
        SchedulerView missing = listed.schedulers().get(2);
        assertThat(missing.available()).isFalse();
        assertThat(missing.unavailableReason()).contains("fake_missing is not installed; install it");
        assertThat(missing.resourceUri()).isEqualTo("schedcp://schedulers/fake/fake_missing");
        assertThat(listed.schedulers().get(0).descriptor().productionReady()).isTrue();
        assertThat(listed.schedulers().get(0).unavailableReason()).isEmpty();
        assertThat(listed.kernel().supported()).isTrue();
        assertThat(listed.kernel().state()).isEqualTo("disabled");
        assertThat(result.failure()).isFalse();
        assertThat(result.text())
                .contains("3 schedulers match, 2 can run here; kernel: sched_ext disabled.")
                .contains("- fake_missing (fake; unavailable: fake_missing is not installed; install it).")
                .contains("- fake_a (fake, production-ready; available). A fake scheduler for tests.");
    }

    @Test
    void filtersByPartOfTheNameIgnoringCase() throws Exception {
        Listed listed = (Listed) call(tool, Map.of("name", "MISS")).value();

        assertThat(listed.schedulers()).extracting(SchedulerView::name).containsExactly("fake_missing");
    }

    @Test
    void filtersByProductionReadinessEitherWay() throws Exception {
        Listed production =
                (Listed) call(tool, Map.of("production_ready", true)).value();
        Listed others = (Listed) call(tool, Map.of("production_ready", false)).value();

        assertThat(production.schedulers()).extracting(SchedulerView::name).containsExactly("fake_a");
        assertThat(others.schedulers()).extracting(SchedulerView::name).containsExactly("fake_b", "fake_missing");
    }

    @Test
    void onAKernelWithoutSchedExtNoneIsAvailableAndTheTextSaysWhyOnce() throws Exception {
        host.removeSchedExt();

        ToolResult result = call(tool, Map.of());

        Listed listed = (Listed) result.value();
        assertThat(listed.kernel().supported()).isFalse();
        assertThat(listed.schedulers()).noneMatch(SchedulerView::available);
        assertThat(listed.schedulers().get(0).unavailableReason().orElseThrow()).contains("CONFIG_SCHED_CLASS_EXT");
        assertThat(result.text())
                .contains("None can run here: this kernel has no sched_ext")
                .contains("kernel lab");
        assertThat(result.text().split("CONFIG_SCHED_CLASS_EXT", -1)).hasSize(2);
    }
}
