package io.schedcp.core.recommend;

import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.bench.BenchRun;
import io.schedcp.core.bench.MetricDirection;
import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.core.workload.RunOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one workload's history says of each scheduler: log2 of how many times better than the baseline (the
 * kernel's default when it was measured, else the average of the schedulers measured) it did, averaged over
 * the metrics both have, between -1 and 1; and the failed runs.
 */
final class MeasuredEvidence {

    /** A scheduler's record in one workload's history. */
    record Finding(
            double score,
            String metric,
            double advantage,
            int runs,
            int failures,
            String lastFailure,
            String baseline) {}

    private MeasuredEvidence() {}

    static Map<String, Finding> of(List<HistoryEntry> history) {
        Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        Map<String, String> lastFailure = new HashMap<>();
        for (HistoryEntry entry : history) {
            String scheduler = entry.run().scheduler();
            int[] count = counts.computeIfAbsent(scheduler, s -> new int[2]);
            if (entry.run().outcome().succeeded()) {
                count[0]++;
                entry.run()
                        .metrics()
                        .forEach((metric, value) -> values.computeIfAbsent(scheduler, s -> new LinkedHashMap<>())
                                .computeIfAbsent(metric, m -> new ArrayList<>())
                                .add(value));
            } else {
                count[1]++;
                if (entry.run().outcome() instanceof RunOutcome.Failed failed) {
                    lastFailure.put(scheduler, failed.reason());
                }
            }
        }
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        values.forEach((scheduler, metrics) -> {
            Map<String, Double> mean = new LinkedHashMap<>();
            metrics.forEach((metric, list) -> mean.put(
                    metric,
                    list.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            means.put(scheduler, mean);
        });
        boolean hasDefault = means.containsKey(BenchPlan.DEFAULT);
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (String scheduler : counts.keySet()) {
            int[] count = counts.get(scheduler);
            Map<String, Double> own = means.getOrDefault(scheduler, Map.of());
            Map<String, Double> base = hasDefault ? means.get(BenchPlan.DEFAULT) : averages(means);
            double sum = 0;
            int n = 0;
            String shown = null;
            double shownAdvantage = 1;
            for (String metric : own.keySet()) {
                Double b = base.get(metric);
                if (b == null || (metric.equals(BenchRun.WALL_TIME) && own.size() > 1)) {
                    continue;
                }
                double advantage = MetricDirection.of(metric).advantage(own.get(metric), b);
                if (Double.isNaN(advantage)) {
                    continue;
                }
                sum += Math.log(advantage) / Math.log(2);
                n++;
                if (shown == null) {
                    shown = metric;
                    shownAdvantage = advantage;
                }
            }
            double score = n == 0 ? (count[0] == 0 && count[1] > 0 ? -1 : 0) : clip(sum / n);
            findings.put(
                    scheduler,
                    new Finding(
                            score,
                            shown,
                            shownAdvantage,
                            count[0] + count[1],
                            count[1],
                            lastFailure.getOrDefault(scheduler, ""),
                            hasDefault ? BenchPlan.DEFAULT : "the average"));
        }
        return findings;
    }

    private static Map<String, Double> averages(Map<String, Map<String, Double>> means) {
        Map<String, List<Double>> all = new HashMap<>();
        means.values()
                .forEach(m -> m.forEach((metric, v) ->
                        all.computeIfAbsent(metric, k -> new ArrayList<>()).add(v)));
        Map<String, Double> averages = new HashMap<>();
        all.forEach((metric, list) -> {
            OptionalDouble average =
                    list.stream().mapToDouble(Double::doubleValue).average();
            average.ifPresent(a -> averages.put(metric, a));
        });
        return averages;
    }

    private static double clip(double value) {
        return Math.max(-1, Math.min(1, value));
    }
}
