package io.schedcp.core.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The schedulers of a bench side by side: per scheduler the mean of each metric over its successful runs, and
 * its ratio to the baseline (the kernel's default scheduler when it was measured, else the first scheduler).
 *
 * @param baseline the scheduler the ratios are against
 * @param metrics  the metrics in the order they are shown, the wall time last
 * @param rows     one row per scheduler, in the order they ran
 */
public record Comparison(String baseline, List<String> metrics, List<Row> rows) {

    public Comparison {
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }

    /**
     * One scheduler.
     *
     * @param means  mean value per metric, over its successful runs
     * @param ratios mean divided by the baseline's mean, per metric
     * @param advantages how many times better than the baseline (above 1 is better, whatever the direction)
     * @param failures the reasons of its failed runs
     */
    public record Row(
            String scheduler,
            int runs,
            int succeeded,
            Map<String, Double> means,
            Map<String, Double> ratios,
            Map<String, Double> advantages,
            List<String> failures) {

        public Row {
            means = Map.copyOf(means);
            ratios = Map.copyOf(ratios);
            advantages = Map.copyOf(advantages);
            failures = List.copyOf(failures);
        }
    }

    /** Compares the runs of each scheduler, in the order of {@code schedulers}. */
    public static Comparison of(List<String> schedulers, List<BenchRun> runs) {
        String baseline = schedulers.contains(BenchPlan.DEFAULT) ? BenchPlan.DEFAULT : schedulers.get(0);
        Set<String> metricNames = new LinkedHashSet<>();
        runs.stream()
                .filter(BenchRun::succeeded)
                .forEach(r -> metricNames.addAll(r.metrics().keySet()));
        List<String> ordered = new ArrayList<>(metricNames);
        if (ordered.remove(BenchRun.WALL_TIME)) {
            ordered.add(BenchRun.WALL_TIME);
        }
        Map<String, Map<String, Double>> means = new LinkedHashMap<>();
        for (String scheduler : schedulers) {
            Map<String, Double> mean = new LinkedHashMap<>();
            for (String metric : ordered) {
                mean(runs, scheduler, metric).ifPresent(value -> mean.put(metric, value));
            }
            means.put(scheduler, mean);
        }
        Map<String, Double> base = means.getOrDefault(baseline, Map.of());
        List<Row> rows = new ArrayList<>();
        for (String scheduler : schedulers) {
            Map<String, Double> mean = means.get(scheduler);
            Map<String, Double> ratios = new LinkedHashMap<>();
            Map<String, Double> advantages = new LinkedHashMap<>();
            for (Map.Entry<String, Double> e : mean.entrySet()) {
                Double b = base.get(e.getKey());
                if (b != null && b > 0) {
                    ratios.put(e.getKey(), e.getValue() / b);
                    double advantage = MetricDirection.of(e.getKey()).advantage(e.getValue(), b);
                    if (!Double.isNaN(advantage)) {
                        advantages.put(e.getKey(), advantage);
                    }
                }
            }
            List<BenchRun> own =
                    runs.stream().filter(r -> r.scheduler().equals(scheduler)).toList();
            rows.add(new Row(
                    scheduler,
                    own.size(),
                    (int) own.stream().filter(BenchRun::succeeded).count(),
                    mean,
                    ratios,
                    advantages,
                    own.stream()
                            .filter(r -> !r.succeeded())
                            .map(BenchRun::failure)
                            .toList()));
        }
        return new Comparison(baseline, ordered, rows);
    }

    /** The metric the bench is judged by: the first one the tool printed, else the wall time. */
    public String primaryMetric() {
        return metrics.isEmpty() ? BenchRun.WALL_TIME : metrics.get(0);
    }

    private static OptionalDouble mean(List<BenchRun> runs, String scheduler, String metric) {
        return runs.stream()
                .filter(r -> r.scheduler().equals(scheduler) && r.succeeded())
                .filter(r -> r.metrics().containsKey(metric))
                .mapToDouble(r -> r.metrics().get(metric))
                .average();
    }
}
