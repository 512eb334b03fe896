package io.schedcp.userspace.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.core.control.ControlRequest;
import io.schedcp.core.control.ControlResponse;
import io.schedcp.userspace.loop.LoopStats;
import io.schedcp.userspace.stats.UserspaceCounters;
import io.schedcp.userspace.strategy.StrategyBook;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PolicyStatsMetaTest {

    @Test
    void describesEveryComponentOfTheStatusRecordsByItsWireName() {
        Map<String, PolicyStatsMeta.Type> meta = PolicyStatsMeta.all();

        for (Class<? extends Record> type : Set.of(PolicyStatus.class, UserspaceCounters.class, LoopStats.class)) {
            PolicyStatsMeta.Type described = meta.get(snakeCase(type.getSimpleName()));
            assertThat(described).as(type.getSimpleName()).isNotNull();
            Set<String> components = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .map(PolicyStatsMetaTest::snakeCase)
                    .collect(Collectors.toSet());
            assertThat(described.fields().keySet()).as(type.getSimpleName()).isEqualTo(components);
        }
        assertThat(meta).containsOnlyKeys("policy_status", "userspace_counters", "loop_stats");
    }

    @Test
    void theHandlerAnswersStatsMetaWithIt() {
        PolicyRequestHandler handler =
                new PolicyRequestHandler(new BookControl("fair", new StrategyBook(), () -> Statuses.STATUS));

        ControlResponse response = handler.handle(new ControlRequest("stats_meta", Map.of()));

        assertThat(response.errno()).isZero();
        assertThat(response.resp()
                        .at("/userspace_counters/fields/fallback/desc")
                        .asString())
                .contains("first in first out");
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
