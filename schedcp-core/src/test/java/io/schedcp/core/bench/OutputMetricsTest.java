package io.schedcp.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outputs captured from the real tools (schbench's in its documented format). */
class OutputMetricsTest {

    private static List<String> capture(String name) throws IOException {
        try (InputStream in = OutputMetricsTest.class.getResourceAsStream(name)) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Test
    void hackbenchGivesItsTime() throws IOException {
        assertThat(OutputMetrics.parse(capture("hackbench.txt"))).containsExactly(entry("hackbench_time_s", 0.079));
    }

    @Test
    void cyclictestGivesTheMinimumTheMeanOfTheAveragesAndTheMaximumOverThreads() throws IOException {
        assertThat(OutputMetrics.parse(capture("cyclictest.txt")))
                .containsExactly(
                        entry("cyclictest_min_us", 14.0),
                        entry("cyclictest_avg_us", 96.0),
                        entry("cyclictest_max_us", 3132.0));
    }

    @Test
    void cyclictestsHistogramGivesPercentilesCountingOverflowsAsBeyondTheRange() throws IOException {
        Map<String, Double> metrics = OutputMetrics.parse(capture("cyclictest-hist.txt"));

        // 976 samples in range and 24 overflows: p50 and p90 fall in the histogram, p99 and p99.9 beyond it.
        assertThat(metrics)
                .containsKeys("cyclictest_p50_us", "cyclictest_p90_us")
                .doesNotContainKeys("cyclictest_p99_us", "cyclictest_p99_9_us");
        assertThat(metrics.get("cyclictest_p50_us")).isBetween(7.0, 199.0);
        assertThat(metrics.get("cyclictest_p90_us")).isGreaterThanOrEqualTo(metrics.get("cyclictest_p50_us"));
    }

    @Test
    void aHistogramPercentileIsTheFirstBucketThatReachesIt() {
        List<String> lines = List.of(
                "# Histogram",
                "000001 000005",
                "000002 000004",
                "000003 000001",
                "# Total: 000000010",
                "# Histogram Overflows: 00000");

        assertThat(OutputMetrics.parse(lines))
                .contains(
                        entry("cyclictest_p50_us", 1.0),
                        entry("cyclictest_p90_us", 2.0),
                        entry("cyclictest_p99_us", 3.0));
    }

    @Test
    void stressNgGivesBogoOpsAndTheirRealTimeRatePerStressorButNotTheHeader() throws IOException {
        assertThat(OutputMetrics.parse(capture("stressng.txt")))
                .containsExactly(entry("stressng_cpu_bogo_ops", 4696.0), entry("stressng_cpu_bogo_ops_per_s", 2345.63));
    }

    @Test
    void schbenchGivesWakeupAndRequestPercentilesAndTheAverageRate() throws IOException {
        Map<String, Double> metrics = OutputMetrics.parse(capture("schbench.txt"));

        assertThat(metrics)
                .contains(
                        entry("schbench_wakeup_p50_us", 9.0),
                        entry("schbench_wakeup_p99_us", 31.0),
                        entry("schbench_wakeup_p99_9_us", 87.0),
                        entry("schbench_request_p99_us", 9616.0),
                        entry("schbench_average_rps", 4829.0));
        assertThat(metrics.keySet()).noneMatch(k -> k.startsWith("schbench_rps"));
    }

    @Test
    void wallTimeIsReadFromGnuTimePosixTimeAndTheShellsTime() throws IOException {
        assertThat(OutputMetrics.parse(capture("time-v.txt"))).containsExactly(entry("time_wall_s", 0.0));
        assertThat(OutputMetrics.parse(capture("time-p.txt"))).containsExactly(entry("time_wall_s", 0.0));
        assertThat(OutputMetrics.parse(capture("time-bash.txt"))).containsExactly(entry("time_wall_s", 1.25));
        assertThat(OutputMetrics.parse(List.of("\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02:03.5")))
                .containsExactly(entry("time_wall_s", 3723.5));
    }

    @Test
    void outputOfAnUnknownToolGivesNoMetrics() {
        assertThat(OutputMetrics.parse(List.of("Time to go", "real fast", "T: nothing", "99.0th: 3")))
                .isEmpty();
    }

    @Test
    void directionsAreReadFromTheNames() {
        assertThat(MetricDirection.of("hackbench_time_s")).isEqualTo(MetricDirection.LOWER_IS_BETTER);
        assertThat(MetricDirection.of("stressng_cpu_bogo_ops_per_s")).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        assertThat(MetricDirection.of("schbench_average_rps")).isEqualTo(MetricDirection.HIGHER_IS_BETTER);
        assertThat(MetricDirection.LOWER_IS_BETTER.advantage(1.0, 2.0)).isEqualTo(2.0);
        assertThat(MetricDirection.HIGHER_IS_BETTER.advantage(1.0, 2.0)).isEqualTo(0.5);
    }

    @Test
    void aNameIsReadTheSameUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        // Turkish lower-cases I to a dotless ı, so BUILD_TIME would not contain "time".
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(MetricDirection.known("BUILD_TIME")).isTrue();
        } finally {
            Locale.setDefault(before);
        }
    }
}
