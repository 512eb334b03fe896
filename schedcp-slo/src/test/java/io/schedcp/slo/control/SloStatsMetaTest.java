package io.schedcp.slo.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.json.SchedcpJson;
import io.schedcp.slo.stats.GroupStatus;
import io.schedcp.slo.stats.LatencyPercentiles;
import io.schedcp.slo.stats.MissEvent;
import io.schedcp.slo.stats.SloStatus;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SloStatsMetaTest {

    @Test
    void describesEveryComponentOfTheStatsRecordsByItsWireName() {
        Map<String, SloStatsMeta.Type> meta = SloStatsMeta.all();
        SloStatus status = FakeSloControl.STATUS;
        GroupStatus group = status.groups().get(0);
        Map<Class<? extends Record>, Record> samples = Map.of(
                SloStatus.class,
                status,
                GroupStatus.class,
                group,
                LatencyPercentiles.class,
                group.wakeToRun().orElseThrow(),
                MissEvent.class,
                status.recentMisses().get(0));

        samples.forEach((type, sample) -> {
            SloStatsMeta.Type described = meta.get(snakeCase(type.getSimpleName()));
            assertThat(described).as(type.getSimpleName()).isNotNull();
            assertThat(described.desc()).as(type.getSimpleName()).isNotBlank();
            Set<String> components = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .map(SloStatsMetaTest::snakeCase)
                    .collect(Collectors.toSet());
            // The sample has every optional present, so the mapper writes every component.
            assertThat(SchedcpJson.toMap(sample).keySet())
                    .as(type.getSimpleName())
                    .isEqualTo(components);
            assertThat(described.fields().keySet()).as(type.getSimpleName()).isEqualTo(components);
            described
                    .fields()
                    .forEach((name, field) -> assertThat(field.desc())
                            .as(type.getSimpleName() + "." + name)
                            .isNotBlank());
        });
        assertThat(meta).containsOnlyKeys("slo_status", "group_status", "latency_percentiles", "miss_event");
    }

    @Test
    void isWrittenAsObjectsOfDescAndFields() {
        JsonNode tree = SchedcpJson.mapper().valueToTree(SloStatsMeta.all());

        assertThat(tree.at("/group_status/fields/miss_ratio/desc").asString()).contains("misses over runs");
        assertThat(tree.at("/slo_status/desc").asString()).isNotBlank();
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
