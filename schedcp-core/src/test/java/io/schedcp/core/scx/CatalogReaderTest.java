package io.schedcp.core.scx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.ParameterType;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedulerDescriptor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

    private static final List<String> REQUIRED = List.of(
            "scx_bpfland",
            "scx_central",
            "scx_chaos",
            "scx_cosmos",
            "scx_flash",
            "scx_flatcg",
            "scx_lavd",
            "scx_layered",
            "scx_mitosis",
            "scx_nest",
            "scx_p2dq",
            "scx_pair",
            "scx_prev",
            "scx_qmap",
            "scx_rlfifo",
            "scx_rustland",
            "scx_rusty",
            "scx_sdt",
            "scx_simple",
            "scx_tickless",
            "scx_userland");

    private final List<CatalogEntry> bundled = ScxProvider.loadBundledCatalog();

    @Test
    void theBundledCatalogDescribesEveryRequiredScheduler() {
        assertThat(bundled).extracting(e -> e.descriptor().name()).containsAll(REQUIRED);
    }

    @Test
    void everyEntryHasEveryDescriptiveField() {
        for (CatalogEntry entry : bundled) {
            SchedulerDescriptor d = entry.descriptor();
            assertThat(List.of(
                            d.description(),
                            d.algorithm(),
                            d.characteristics(),
                            d.limitations(),
                            d.performanceProfile(),
                            d.opsName(),
                            entry.origin()))
                    .as(d.name())
                    .allSatisfy(text -> assertThat(text).isNotBlank());
            assertThat(d.useCases()).as(d.name() + " use cases").isNotEmpty();
            assertThat(d.requirements().minKernel())
                    .as(d.name() + " min kernel")
                    .isPresent();
            assertThat(d.provider()).isEqualTo("scx");
        }
    }

    @Test
    void tuningParametersAreRealFlagsWithTypes() {
        for (CatalogEntry entry : bundled) {
            entry.descriptor().tuningParameters().forEach(p -> {
                assertThat(p.flag()).as(entry.descriptor().name()).startsWith("-");
                assertThat(p.description()).as(p.flag()).isNotBlank();
                if (p.type() == ParameterType.CHOICE) {
                    assertThat(p.choices()).as(p.flag()).isNotEmpty();
                }
            });
        }
        SchedulerDescriptor simple = byName("scx_simple");
        assertThat(simple.tuningParameters()).extracting(p -> p.flag()).contains("-f");
        SchedulerDescriptor lavd = byName("scx_lavd");
        assertThat(lavd.tuningParameters().size()).isGreaterThan(10);
    }

    @Test
    void someButNotAllSchedulersAreProductionReady() {
        List<String> ready = bundled.stream()
                .filter(e -> e.descriptor().productionReady())
                .map(e -> e.descriptor().name())
                .collect(Collectors.toList());
        assertThat(ready).contains("scx_lavd", "scx_bpfland", "scx_rusty").doesNotContain("scx_simple", "scx_qmap");
    }

    @Test
    void aCatalogThatIsNotJsonIsRejectedWithItsSource() {
        assertThatThrownBy(() -> read("{ not json"))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("test.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anEntryWithoutAnOpsNameIsRejectedByName() {
        String json = """
                {"schema_version": 1, "schedulers": [{"name": "scx_x", "production_ready": false,
                  "description": "d", "algorithm": "a", "use_cases": ["u"], "characteristics": "c",
                  "tuning_parameters": [], "limitations": "l", "performance_profile": "p",
                  "requirements": {"min_kernel": "6.12"}}]}
                """;
        assertThatThrownBy(() -> read(json)).hasMessageContaining("scx_x").hasMessageContaining("'ops_name'");
    }

    @Test
    void anUnknownParameterTypeIsRejected() {
        String json = """
                {"schema_version": 1, "schedulers": [{"name": "scx_x", "ops_name": "x", "production_ready": false,
                  "description": "d", "algorithm": "a", "use_cases": ["u"], "characteristics": "c",
                  "tuning_parameters": [{"flag": "-s", "type": "NUMBER", "description": "slice"}],
                  "limitations": "l", "performance_profile": "p", "requirements": {}}]}
                """;
        assertThatThrownBy(() -> read(json)).hasMessageContaining("flag -s").hasMessageContaining("NUMBER");
    }

    @Test
    void anotherSchemaVersionIsRejected() {
        assertThatThrownBy(() -> read("{\"schema_version\": 2, \"schedulers\": []}"))
                .hasMessageContaining("schema_version is 2");
    }

    private SchedulerDescriptor byName(String name) {
        return bundled.stream()
                .map(CatalogEntry::descriptor)
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<CatalogEntry> read(String json) {
        return new CatalogReader("scx")
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
