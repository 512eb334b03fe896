package io.schedcp.daemon.mode;

import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.manager.SchedulerEntry;
import io.schedcp.core.recommend.Recommendation;
import io.schedcp.core.recommend.Recommender;
import io.schedcp.core.workload.HistoryEntry;
import io.schedcp.core.workload.Tagger;
import io.schedcp.core.workload.WorkloadProfile;
import io.schedcp.core.workload.WorkloadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What auto mode takes from this host's history: the workloads with recorded runs, the one run last first;
 * for each, the {@link Recommender}'s ranking, and in it the best sched_ext scheduler that was measured and can
 * run here, with the flags of its last good run. Nothing when no workload has measured such a scheduler.
 */
final class AutoChoice {

    private AutoChoice() {}

    static Optional<ModeChoice> fromHistory(List<SchedulerEntry> schedulers, WorkloadStore store) {
        Map<String, List<HistoryEntry>> histories = store.histories();
        List<String> recent = new ArrayList<>();
        histories.forEach((id, runs) -> {
            if (!runs.isEmpty()) {
                recent.add(id);
            }
        });
        recent.sort(
                Comparator.comparing((String id) -> lastRun(histories.get(id))).reversed());
        Recommender recommender = new Recommender(schedulers, store, Tagger.standard());
        for (String id : recent) {
            Optional<Recommendation> best = recommender.forWorkload(id).stream()
                    .filter(r -> r.available()
                            && r.measuredScore().isPresent()
                            && !r.scheduler().equals(BenchPlan.DEFAULT))
                    .findFirst();
            if (best.isPresent()) {
                Recommendation r = best.get();
                String workload = store.find(id).map(WorkloadProfile::name).orElse(id);
                return Optional.of(new ModeChoice(
                        Mode.AUTO,
                        r.scheduler(),
                        argsOfLastGoodRun(histories.get(id), r.scheduler()),
                        ModeChoice.HISTORY,
                        "auto picked " + r.scheduler() + " from this host's history: it ranks first of the measured"
                                + " schedulers that can run here for workload " + workload + " (" + id
                                + "), the last one run; " + r.reason()));
            }
        }
        return Optional.empty();
    }

    private static Instant lastRun(List<HistoryEntry> runs) {
        return runs.stream()
                .map(e -> e.run().startedAt())
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }

    /** The flags it was measured with: those of its last successful run in the workload's history. */
    private static List<String> argsOfLastGoodRun(List<HistoryEntry> runs, String scheduler) {
        List<String> args = List.of();
        Instant last = Instant.MIN;
        for (HistoryEntry entry : runs) {
            if (entry.run().scheduler().equals(scheduler)
                    && entry.run().outcome().succeeded()
                    && !entry.run().startedAt().isBefore(last)) {
                last = entry.run().startedAt();
                args = entry.run().args();
            }
        }
        return args;
    }
}
