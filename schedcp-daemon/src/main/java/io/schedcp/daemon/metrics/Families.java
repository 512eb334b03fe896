package io.schedcp.daemon.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The metric families of one collection, made with the client's snapshot builders: a family without points is
 * left out, so that a figure the host does not have is absent rather than empty.
 */
final class Families {

    /** One value and its labels, given as name, value, name, value... */
    record Point(double value, Labels labels) {}

    /** Latency percentiles, in seconds, over {@code count} observations. */
    record Percentiles(long count, double p50, double p99, double p999, Labels labels) {}

    private final List<MetricSnapshot> snapshots = new ArrayList<>();

    static Point point(double value, String... labels) {
        return new Point(value, Labels.of(labels));
    }

    /** A counter; its name is written with {@code _total}. */
    Families counter(String name, String help, List<Point> points) {
        if (!points.isEmpty()) {
            CounterSnapshot.Builder family =
                    CounterSnapshot.builder().name(name).help(help);
            points.forEach(p -> family.dataPoint(CounterDataPointSnapshot.builder()
                    .value(p.value())
                    .labels(p.labels())
                    .build()));
            snapshots.add(family.build());
        }
        return this;
    }

    Families gauge(String name, String help, List<Point> points) {
        if (!points.isEmpty()) {
            GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
            points.forEach(p -> family.dataPoint(GaugeDataPointSnapshot.builder()
                    .value(p.value())
                    .labels(p.labels())
                    .build()));
            snapshots.add(family.build());
        }
        return this;
    }

    /** A summary of the 0.5, 0.99 and 0.999 quantiles and the count; no sum, which the agents do not report. */
    Families summary(String name, String help, List<Percentiles> points) {
        if (!points.isEmpty()) {
            SummarySnapshot.Builder family =
                    SummarySnapshot.builder().name(name).help(help);
            points.forEach(p -> family.dataPoint(SummaryDataPointSnapshot.builder()
                    .count(p.count())
                    .quantiles(Quantiles.of(
                            new Quantile(0.5, p.p50()), new Quantile(0.99, p.p99()), new Quantile(0.999, p.p999())))
                    .labels(p.labels())
                    .build()));
            snapshots.add(family.build());
        }
        return this;
    }

    MetricSnapshots build() {
        return new MetricSnapshots(snapshots);
    }
}
