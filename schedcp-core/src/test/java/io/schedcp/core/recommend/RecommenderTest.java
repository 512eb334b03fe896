package io.schedcp.core.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.Availability;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.core.manager.SchedulerEntry;
import io.schedcp.core.workload.RunOutcome;
import io.schedcp.core.workload.RunRecord;
import io.schedcp.core.workload.Tagger;
import io.schedcp.core.workload.WorkloadProfile;
import io.schedcp.core.workload.WorkloadStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommenderTest {

    @TempDir
    Path home;

    private WorkloadStore store;
    private final Instant t0 = Instant.parse("2026-11-22T00:00:00Z");

    /** A gaming scheduler, a batch one, a server one that is not installed, and a plain one. */
    private final List<SchedulerEntry> schedulers = List.of(
            entry("lowlat", List.of("gaming and interactive desktops"), true, Availability.available()),
            entry("batchy", List.of("batch jobs and video encoding"), false, Availability.available()),
            entry(
                    "serverish",
                    List.of("web server and database"),
                    true,
                    Availability.unavailable("serverish is not installed")),
            entry("plain", List.of("tests"), false, Availability.available()));

    private static SchedulerEntry entry(
            String name, List<String> useCases, boolean production, Availability availability) {
        return new SchedulerEntry(
                new SchedulerDescriptor(
                        name,
                        "scx",
                        name,
                        production,
                        "A scheduler.",
                        "",
                        useCases,
                        "",
                        List.of(),
                        "",
                        "",
                        Requirements.NONE),
                availability,
                true);
    }

    @BeforeEach
    void setUp() {
        store = new WorkloadStore(home);
    }

    private Recommender recommender() {
        return new Recommender(schedulers, store, Tagger.standard());
    }

    private void ran(WorkloadProfile workload, String scheduler, double hackbenchSeconds) {
        store.addHistory(
                workload.id(),
                new RunRecord(
                        scheduler,
                        List.of(),
                        Optional.empty(),
                        t0,
                        Optional.empty(),
                        Optional.empty(),
                        "",
                        Map.of("hackbench_time_s", hackbenchSeconds, "wall_time_s", 1.0),
                        RunOutcome.ok()));
    }

    private void failed(WorkloadProfile workload, String scheduler, String reason) {
        store.addHistory(
                workload.id(),
                new RunRecord(
                        scheduler,
                        List.of(),
                        Optional.empty(),
                        t0,
                        Optional.empty(),
                        Optional.empty(),
                        "",
                        Map.of(),
                        RunOutcome.failed(reason)));
    }

    @Test
    void withoutHistoryTheTagMatchRanksAndSaysWhichTagsMatched() {
        List<Recommendation> ranked = recommender().forDescription("a first-person shooter game, interactive");

        assertThat(ranked.get(0).scheduler()).isEqualTo("lowlat");
        assertThat(ranked.get(0).matchedTags()).contains("interactive");
        assertThat(ranked.get(0).reason()).contains("its use cases match").contains("production-ready");
        assertThat(ranked.get(0).measured()).isEmpty();
        assertThat(ranked).extracting(Recommendation::rank).containsExactly(1, 2, 3, 4);
    }

    @Test
    void schedulersThatCannotRunHereComeLastWithTheReasonEvenWhenTheyMatchBest() {
        List<Recommendation> ranked = recommender().forDescription("a web server in front of a database");

        Recommendation last = ranked.get(ranked.size() - 1);
        assertThat(last.scheduler()).isEqualTo("serverish");
        assertThat(last.available()).isFalse();
        assertThat(last.unavailableReason()).contains("serverish is not installed");
        assertThat(last.reason()).contains("cannot run here: serverish is not installed");
        assertThat(last.tagScore()).isGreaterThan(ranked.get(0).tagScore());
    }

    @Test
    void theMeasuredWinnerOfThisWorkloadOutranksTheBestTagMatch() {
        WorkloadProfile game = store.create("an interactive game", Optional.empty());
        ran(game, "default", 1.0);
        ran(game, "lowlat", 1.6);
        ran(game, "plain", 0.5);

        List<Recommendation> ranked = recommender().forWorkload(game.id());

        assertThat(ranked.get(0).scheduler()).isEqualTo("plain");
        assertThat(ranked.get(0).measured())
                .contains("2.00x better than the default scheduler on hackbench_time_s over 1 runs of this workload");
        assertThat(ranked.get(0).measuredScore()).contains(1.0);
        Recommendation lowlat = ranked.stream()
                .filter(r -> r.scheduler().equals("lowlat"))
                .findFirst()
                .orElseThrow();
        assertThat(lowlat.measured().orElseThrow()).contains("1.60x worse than the default scheduler");
        assertThat(ranked).extracting(Recommendation::scheduler).containsSubsequence("plain", "default", "lowlat");
    }

    @Test
    void theDefaultRanksFirstWhenItWasMeasuredBest() {
        WorkloadProfile build = store.create("kernel build with make -j", Optional.empty());
        ran(build, "default", 1.0);
        ran(build, "batchy", 1.5);

        List<Recommendation> ranked = recommender().forWorkload(build.id());

        assertThat(ranked.get(0).scheduler()).isEqualTo("default");
        assertThat(ranked.get(0).reason())
                .contains("the kernel's own scheduler")
                .contains("the baseline of 1 runs of this workload");
    }

    @Test
    void aSchedulerWhoseRunsAllFailedIsPenalisedWithTheReason() {
        WorkloadProfile game = store.create("an interactive game", Optional.empty());
        ran(game, "default", 1.0);
        failed(game, "lowlat", "the kernel ejected lowlat: runnable task stall");

        Recommendation lowlat = recommender().forWorkload(game.id()).stream()
                .filter(r -> r.scheduler().equals("lowlat"))
                .findFirst()
                .orElseThrow();

        assertThat(lowlat.measuredScore()).contains(-1.0);
        assertThat(lowlat.measured().orElseThrow())
                .contains("failed 1 of 1 runs of this workload")
                .contains("runnable task stall");
    }

    @Test
    void theHistoryOfASimilarWorkloadCountsForADescription() {
        WorkloadProfile game = store.create("an interactive game", Optional.empty());
        ran(game, "default", 1.0);
        ran(game, "plain", 0.25);

        List<Recommendation> ranked = recommender().forDescription("another interactive game");

        assertThat(ranked.get(0).scheduler()).isEqualTo("plain");
        assertThat(ranked.get(0).measured().orElseThrow()).contains("over 1 runs of a similar workload");
    }

    @Test
    void aSchedulerWithinHalfAPercentOfTheBaselineIsOnAParWithIt() {
        WorkloadProfile game = store.create("an interactive game", Optional.empty());
        ran(game, "default", 1.0);
        ran(game, "plain", 0.999);

        Recommendation plain = recommender().forWorkload(game.id()).stream()
                .filter(r -> r.scheduler().equals("plain"))
                .findFirst()
                .orElseThrow();

        assertThat(plain.measured())
                .contains("on a par with the default scheduler on hackbench_time_s over 1 runs of this workload");
    }

    @Test
    void anUnknownWorkloadIsNotFound() {
        assertThatThrownBy(() -> recommender().forWorkload("w-00000000"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(SchedcpException.Kind.NOT_FOUND));
    }
}
