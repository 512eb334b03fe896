package io.schedcp.slo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SloConfigReaderTest {

    private static final String ISSUE_EXAMPLE = """
            default_budget_ms: 20        # tasks in no configured group
            groups:
              - cgroup: lat              # absolute, or relative to the cgroup2 mount
                budget_ms: 2
                importance: 10           # optional
                max_cpu_pct: 80          # optional
            """;

    @Test
    void readsTheIssuesExampleWithTheLineOfEachGroup() {
        SloConfig config = SloConfigReader.parse(ISSUE_EXAMPLE, "slo.yaml");

        assertThat(config.defaultBudgetNs()).isEqualTo(20_000_000L);
        assertThat(config.groups())
                .containsExactly(new SloGroup("lat", 2_000_000L, 10, 80, Optional.of(new ConfigOrigin("slo.yaml", 3))));
    }

    @Test
    void readsTheCompleteExampleOfTheDocs() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "slo.md"));
        String yaml = doc.substring(doc.indexOf("```yaml\n") + 8, doc.indexOf("```", doc.indexOf("```yaml\n") + 8));

        SloConfig config = SloConfigReader.parse(yaml, "slo.md");

        assertThat(config.groups())
                .extracting(SloGroup::cgroup)
                .containsExactly("lat", "/sys/fs/cgroup/system.slice/nginx.service", "batch");
        assertThat(config.groups()).extracting(SloGroup::budgetNs).containsExactly(2_000_000L, 500_000L, 200_000_000L);
    }

    @Test
    void givesTheDefaultsToWhatIsLeftOut() {
        SloConfig config = SloConfigReader.parse("""
                groups:
                  - cgroup: /sys/fs/cgroup/web
                    budget_ms: 5
                """, "slo.yaml");

        assertThat(config.defaultBudgetNs()).isEqualTo(SloLimits.DEFAULT_BUDGET_NS);
        SloGroup web = config.groups().get(0);
        assertThat(web.importance()).isEqualTo(SloLimits.DEFAULT_IMPORTANCE);
        assertThat(web.maxCpuPct()).isEqualTo(SloLimits.DEFAULT_MAX_CPU_PCT);
    }

    @Test
    void takesFractionalMillisecondsToTheNanosecond() {
        SloConfig config = SloConfigReader.parse("""
                default_budget_ms: 0.01
                groups:
                  - {cgroup: lat, budget_ms: 1.234567}
                  - {cgroup: batch, budget_ms: 10000}
                """, "slo.yaml");

        assertThat(config.defaultBudgetNs()).isEqualTo(10_000L);
        assertThat(config.groups()).extracting(SloGroup::budgetNs).containsExactly(1_234_567L, 10_000_000_000L);
    }

    @Test
    void takesAConfigWithNoGroups() {
        assertThat(SloConfigReader.parse("default_budget_ms: 8\ngroups: []\n", "slo.yaml")
                        .groups())
                .isEmpty();
    }

    @Test
    void takesADocumentStartMarkerAtTheTop() {
        assertThat(SloConfigReader.parse("---\ndefault_budget_ms: 5\n", "slo.yaml")
                        .defaultBudgetNs())
                .isEqualTo(5_000_000L);
    }

    @Test
    void keepsTheGroupsInTheOrderWritten() {
        SloConfig config = SloConfigReader.parse(groups(3), "slo.yaml");

        assertThat(config.groups()).extracting(SloGroup::cgroup).containsExactly("g1", "g2", "g3");
        assertThat(config.groups())
                .extracting(g -> g.origin().orElseThrow().line())
                .containsExactly(2, 4, 6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a negative budget         | 'groups:\n  - cgroup: lat\n    budget_ms: -2\n'           | 3 | budget_ms must be a number of milliseconds from 0.01 to 10000, not -2
            a budget under 0.01 ms    | 'groups:\n  - cgroup: lat\n    budget_ms: 0.001\n'        | 3 | budget_ms must be a number of milliseconds from 0.01 to 10000, not 0.001
            a budget over 10 s        | 'groups:\n  - cgroup: lat\n    budget_ms: 10000.5\n'      | 3 | budget_ms must be a number of milliseconds from 0.01 to 10000, not 10000.5
            a budget with a unit      | 'groups:\n  - cgroup: lat\n    budget_ms: 2ms\n'          | 3 | budget_ms must be a number of milliseconds from 0.01 to 10000, not "2ms"
            a quoted budget           | 'groups:\n  - cgroup: lat\n    budget_ms: "2"\n'          | 3 | budget_ms must be a number of milliseconds from 0.01 to 10000, not "2"
            an empty budget           | 'groups:\n  - cgroup: lat\n    budget_ms:\n'              | 3 | budget_ms has no value; it must be a number of milliseconds from 0.01 to 10000
            an infinite budget        | 'groups:\n  - cgroup: lat\n    budget_ms: .inf\n'         | 3 | budget_ms must be a number of milliseconds from 0.01 to 10000, not
            a zero default budget     | 'default_budget_ms: 0\n'                                  | 1 | default_budget_ms must be a number of milliseconds from 0.01 to 10000, not 0
            a list as default budget  | 'default_budget_ms: [1]\n'                                | 1 | default_budget_ms must be a number of milliseconds from 0.01 to 10000, not a list
            an importance over 100    | 'groups:\n  - cgroup: lat\n    budget_ms: 2\n    importance: 101\n'  | 4 | importance must be a whole number from 0 to 100, not 101
            a fractional importance   | 'groups:\n  - cgroup: lat\n    budget_ms: 2\n    importance: 1.5\n'  | 4 | importance must be a whole number from 0 to 100, not 1.5
            a negative importance     | 'groups:\n  - cgroup: lat\n    budget_ms: 2\n    importance: -1\n'   | 4 | importance must be a whole number from 0 to 100, not -1
            a max_cpu_pct of 0        | 'groups:\n  - cgroup: lat\n    budget_ms: 2\n    max_cpu_pct: 0\n'   | 4 | max_cpu_pct must be a whole number from 1 to 100, not 0
            a max_cpu_pct over 100    | 'groups:\n  - cgroup: lat\n    budget_ms: 2\n    max_cpu_pct: 150\n' | 4 | max_cpu_pct must be a whole number from 1 to 100, not 150
            a boolean max_cpu_pct     | 'groups:\n  - cgroup: lat\n    budget_ms: 2\n    max_cpu_pct: true\n' | 4 | max_cpu_pct must be a whole number from 1 to 100, not true
            an unknown top key        | 'default_budget_ms: 20\nbudgets: 3\n'                     | 2 | unknown key budgets in the file; the keys there are default_budget_ms and groups
            an unknown group key      | 'groups:\n  - cgroup: lat\n    budget: 2\n'               | 3 | unknown key budget in a group; the keys there are cgroup, budget_ms, importance and max_cpu_pct
            a repeated top key        | 'default_budget_ms: 20\ndefault_budget_ms: 30\n'          | 2 | default_budget_ms appears twice in the same mapping (first on line 1); keep one
            a repeated group key      | 'groups:\n  - cgroup: lat\n    budget_ms: 2\n    budget_ms: 3\n'    | 4 | budget_ms appears twice in the same mapping (first on line 3); keep one
            a group without cgroup    | 'groups:\n  - budget_ms: 2\n'                             | 2 | a group has no cgroup; add cgroup: PATH (absolute, or relative to the cgroup2 mount)
            a group without budget    | 'groups:\n  - cgroup: lat\n    importance: 3\n'           | 2 | the group of cgroup lat has no budget_ms; add budget_ms: MILLISECONDS (0.01 to 10000)
            a cgroup named twice      | 'groups:\n  - {cgroup: lat, budget_ms: 2}\n  - {cgroup: lat, budget_ms: 3}\n' | 3 | cgroup lat is configured twice (also on line 2); keep one of the two groups
            a number as cgroup        | 'groups:\n  - cgroup: 2024\n    budget_ms: 2\n'            | 2 | cgroup must be a cgroup path such as lat or /sys/fs/cgroup/lat, not the number 2024 (quote a cgroup named with digits: "2024")
            an empty cgroup           | 'groups:\n  - cgroup: ""\n    budget_ms: 2\n'              | 2 | cgroup must be a cgroup path such as lat or /sys/fs/cgroup/lat, not ""
            groups as a mapping       | 'groups:\n  lat: 2\n'                                      | 2 | groups must be a list of groups, each starting with '- cgroup:', not a mapping
            groups left empty         | 'groups:\n'                                               | 1 | groups must be a list of groups, each starting with '- cgroup:', not an empty value (write groups: [] for none)
            a group that is a string  | 'groups:\n  - lat\n'                                      | 2 | a group must be a mapping with cgroup and budget_ms, not "lat"
            a list as the file        | '- cgroup: lat\n'                                         | 1 | the file must be a mapping of default_budget_ms and groups, not a list
            two documents             | 'default_budget_ms: 20\n---\ndefault_budget_ms: 30\n'     | 3 | a second YAML document begins here; keep one document (remove the ---)
            """)
    void refusesWithTheLineAndTheFix(String what, String yaml, int line, String problem) {
        SchedcpException refusal = refusal(yaml.replace("\\n", "\n"));

        assertThat(refusal.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(refusal.getMessage()).startsWith("slo.yaml line " + line + ": " + problem);
    }

    @Test
    void refusesMoreThan256GroupsAtThe257th() {
        SchedcpException refusal = refusal(groups(257));

        assertThat(refusal.getMessage())
                .isEqualTo("slo.yaml line 514: more than 256 groups, the most scx_slo "
                        + "takes; configure a parent cgroup for several of them");
    }

    @Test
    void takes256Groups() {
        assertThat(SloConfigReader.parse(groups(256), "slo.yaml").groups()).hasSize(256);
    }

    @Test
    void refusesYamlThatDoesNotParseWithTheLineOfTheProblem() {
        SchedcpException refusal = refusal("groups:\n  - cgroup: lat\n    budget_ms: 2\n   importance: 3\n");

        assertThat(refusal.getMessage())
                .isEqualTo("slo.yaml line 4: is not valid YAML: expected <block end>, but "
                        + "found '<block mapping start>'; check the indentation (spaces, no tabs) and the colons");
    }

    @Test
    void refusesATabInTheIndentationOnItsLine() {
        assertThat(refusal("groups:\n\t- cgroup: lat\n").getMessage())
                .startsWith("slo.yaml line 2: is not valid YAML: found character '\\t(TAB)' that cannot start");
    }

    @Test
    void refusesAnEmptyFileSoThatAHalfWrittenOneIsNotTakenAsNoGroups() {
        assertThat(refusal("# nothing yet\n").getMessage())
                .isEqualTo("slo.yaml is empty; write at least default_budget_ms: 20, or the groups");
    }

    @Test
    void readsAFileAndNamesItInMessages(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("slo.yaml"), "groups:\n  - cgroup: lat\n    budget_ms: -2\n");

        SchedcpException refusal = catchThrowableOfType(SchedcpException.class, () -> SloConfigReader.read(file));

        assertThat(refusal.getMessage()).startsWith(file + " line 3: budget_ms must be");
    }

    @Test
    void refusesAFileOverItsBound(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("slo.yaml"), "#".repeat(SloConfigReader.MAX_FILE_BYTES + 1));

        SchedcpException refusal = catchThrowableOfType(SchedcpException.class, () -> SloConfigReader.read(file));

        assertThat(refusal.kind()).isEqualTo(Kind.INVALID_INPUT);
        assertThat(refusal.getMessage()).contains("is over 256 KiB");
    }

    @Test
    void saysWhenTheFileIsMissing(@TempDir Path dir) {
        SchedcpException refusal =
                catchThrowableOfType(SchedcpException.class, () -> SloConfigReader.read(dir.resolve("nope.yaml")));

        assertThat(refusal.kind()).isEqualTo(Kind.NOT_FOUND);
    }

    private static SchedcpException refusal(String yaml) {
        return catchThrowableOfType(SchedcpException.class, () -> SloConfigReader.parse(yaml, "slo.yaml"));
    }

    /** {@code count} groups g1, g2..., two lines each after the {@code groups:} line. */
    private static String groups(int count) {
        return "groups:\n"
                + IntStream.rangeClosed(1, count)
                        .mapToObj(i -> "  - cgroup: g" + i + "\n    budget_ms: 2\n")
                        .collect(Collectors.joining());
    }
}
