package io.schedcp.slo.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.slo.cgroup.CgroupTree;
import io.schedcp.slo.config.SloConfigReader;
import io.schedcp.slo.config.SloGroup;
import io.schedcp.slo.control.GroupChange;
import io.schedcp.slo.stats.GroupStatus;
import io.schedcp.slo.stats.RecentMisses;
import io.schedcp.slo.stats.SloStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's state over a fake cgroup tree, writing into a recording stand-in for the maps. */
class SloAgentTest {

    private static final String CONFIG = """
            default_budget_ms: 30
            groups:
              - cgroup: lat
                budget_ms: 2
                importance: 10
              - cgroup: batch
                budget_ms: 50
                max_cpu_pct: 80
            """;

    @TempDir
    Path dir;

    private Path mount;
    private RecordingTarget target;
    private SloAgent agent;

    @BeforeEach
    void fakeTreeAndAgent() throws IOException {
        mount = cgroup(dir.resolve("cgroup"));
        cgroup(mount.resolve("lat"));
        cgroup(mount.resolve("batch"));
        cgroup(mount.resolve("web"));
        target = new RecordingTarget();
        agent = new SloAgent(target, new CgroupTree(mount), new RecentMisses(8), 2);
    }

    @Test
    void applyingAConfigWritesEveryGroupWithItsOwnSlotAndTheDefaultBudget() throws IOException {
        agent.apply(SloConfigReader.parse(CONFIG, "slo.yaml"));

        assertThat(target.defaultBudgetNs).isEqualTo(30_000_000L);
        assertThat(target.cfg.get(id("lat"))).isEqualTo(new RecordingTarget.Entry(2_000_000L, 10, 100, 1));
        assertThat(target.cfg.get(id("batch"))).isEqualTo(new RecordingTarget.Entry(50_000_000L, 0, 80, 2));
        assertThat(target.resets).containsExactly(1, 2);
    }

    @Test
    void setChangesOnlyTheGivenFieldsOfAConfiguredGroupAndKeepsItsSlotAndCounts() throws IOException {
        agent.apply(SloConfigReader.parse(CONFIG, "slo.yaml"));
        target.runsBySlot.put(1, 40L);

        SloGroup changed =
                agent.set(new GroupChange("lat", OptionalLong.of(500_000L), OptionalInt.empty(), OptionalInt.empty()));

        assertThat(changed.budgetNs()).isEqualTo(500_000L);
        assertThat(changed.importance()).isEqualTo(10);
        assertThat(target.cfg.get(id("lat"))).isEqualTo(new RecordingTarget.Entry(500_000L, 10, 100, 1));
        assertThat(target.resets).containsExactly(1, 2);
        assertThat(agent.status().groups().get(0).runs()).isEqualTo(40);
    }

    @Test
    void setOfACgroupNotConfiguredAddsAGroupWithTheDefaultsForWhatItLeavesOut() throws IOException {
        agent.apply(SloConfigReader.parse(CONFIG, "slo.yaml"));

        SloGroup added =
                agent.set(new GroupChange("web", OptionalLong.of(5_000_000L), OptionalInt.empty(), OptionalInt.of(60)));

        assertThat(added.origin()).isEmpty();
        assertThat(target.cfg.get(id("web"))).isEqualTo(new RecordingTarget.Entry(5_000_000L, 0, 60, 3));
        assertThat(agent.status().groups())
                .extracting(g -> g.cgroup().orElseThrow())
                .containsExactly("lat", "batch", "web");
    }

    @Test
    void setOfANewGroupWithoutABudgetIsRefusedAndChangesNothing() throws IOException {
        agent.apply(SloConfigReader.parse(CONFIG, "slo.yaml"));

        SchedcpException refused = catchThrowableOfType(
                SchedcpException.class,
                () -> agent.set(new GroupChange("web", OptionalLong.empty(), OptionalInt.of(5), OptionalInt.empty())));

        assertThat(refused.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(refused.getMessage()).contains("web is not configured yet").contains("--budget-ms");
        assertThat(target.cfg).doesNotContainKey(id("web")).hasSize(2);
    }

    @Test
    void setOfAMissingCgroupIsRefusedWithThePath() throws IOException {
        agent.apply(SloConfigReader.parse(CONFIG, "slo.yaml"));

        SchedcpException refused = catchThrowableOfType(
                SchedcpException.class,
                () -> agent.set(new GroupChange(
                        "nope", OptionalLong.of(1_000_000L), OptionalInt.empty(), OptionalInt.empty())));

        assertThat(refused.getMessage()).contains("cgroup nope does not exist");
        assertThat(target.cfg).hasSize(2);
    }

    @Test
    void aConfigNamingAMissingCgroupIsRefusedWholeAndWhatRanGoesOn() throws IOException {
        agent.apply(SloConfigReader.parse(CONFIG, "slo.yaml"));

        SchedcpException refused = catchThrowableOfType(
                SchedcpException.class,
                () -> agent.apply(SloConfigReader.parse(
                        "groups:\n  - cgroup: lat\n    budget_ms: 1\n  - cgroup: gone\n    budget_ms: 1\n",
                        "slo.yaml")));

        assertThat(refused.getMessage()).startsWith("slo.yaml line 4: ");
        assertThat(target.cfg.get(id("lat")).budgetNs()).isEqualTo(2_000_000L);
        assertThat(target.defaultBudgetNs).isEqualTo(30_000_000L);
    }

    @Test
    void anEditOfTheFileAfterASetAppliesTheFileAsWrittenAndFreesTheSlotsOfGroupsItDrops() throws IOException {
        agent.apply(SloConfigReader.parse(CONFIG, "slo.yaml"));
        agent.set(new GroupChange("web", OptionalLong.of(5_000_000L), OptionalInt.empty(), OptionalInt.empty()));

        agent.apply(SloConfigReader.parse("groups:\n  - cgroup: lat\n    budget_ms: 3\n", "slo.yaml"));

        assertThat(target.cfg).containsOnlyKeys(id("lat"));
        assertThat(target.cfg.get(id("lat")).budgetNs()).isEqualTo(3_000_000L);
        assertThat(target.defaultBudgetNs).isEqualTo(20_000_000L);
        assertThat(agent.groups()).hasSize(1);
    }

    @Test
    void statusGivesEachGroupItsBudgetAndSlotAndTheCpuShareSinceTheOlderSample() throws IOException {
        agent.apply(SloConfigReader.parse(CONFIG, "slo.yaml"));
        agent.sample();
        target.runsBySlot.put(2, 1_000_000L);
        agent.sample();

        SloStatus status = agent.status();

        GroupStatus batch = status.groups().get(1);
        assertThat(batch.cgroup()).contains("batch");
        assertThat(batch.slot()).isEqualTo(2);
        assertThat(batch.budgetNs()).isEqualTo(50_000_000L);
        assertThat(batch.runs()).isEqualTo(1_000_000L);
        // 1e9 ns of CPU over the 2 s since the older sample, on 2 CPUs
        assertThat(batch.cpuShare().getAsDouble()).isEqualTo(0.25);
        assertThat(status.unconfigured().budgetNs()).isEqualTo(30_000_000L);
    }

    private long id(String cgroup) throws IOException {
        return (Long) Files.getAttribute(mount.resolve(cgroup), "unix:ino");
    }

    private static Path cgroup(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("cgroup.procs"), "");
        return directory;
    }
}
