package io.schedcp.core.recommend;

import io.schedcp.api.Availability;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.core.bench.BenchPlan;
import io.schedcp.core.manager.SchedulerEntry;
import io.schedcp.core.workload.SimilarWorkload;
import io.schedcp.core.workload.Tagger;
import io.schedcp.core.workload.WorkloadProfile;
import io.schedcp.core.workload.WorkloadStore;
import io.schedcp.core.workload.WorkloadTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ranks schedulers for a workload. Two things count: how well a scheduler's use cases and description match
 * the workload's tags, and, weighted three times above that, what was measured: the history of this workload
 * (in full) and of similar ones (sharing tags; weighted by how alike they are, at most half). A measured
 * scheduler also gets a bonus above what any tag match gives, so one measured as good as the baseline outranks
 * one never measured. Schedulers that can run here rank first; the others follow with the reason they cannot.
 */
public final class Recommender {

    static final double MEASURED_WEIGHT = 3.0;
    static final double SIMILAR_WEIGHT = 0.5;
    static final double PRODUCTION_BONUS = 0.1;
    /** Above the best a tag match can give, so a measured scheduler as good as its baseline beats guesses. */
    static final double MEASURED_BONUS = 1.2;
    /** Within half a percent of the baseline is "on a par", not "1.00x better". */
    static final double PAR = 0.005;

    private final List<SchedulerEntry> schedulers;
    private final WorkloadStore store;
    private final Tagger tagger;

    public Recommender(List<SchedulerEntry> schedulers, WorkloadStore store, Tagger tagger) {
        this.schedulers = List.copyOf(schedulers);
        this.store = store;
        this.tagger = tagger;
    }

    /** For a stored workload: its tags and its own history first, then similar workloads'. */
    public List<Recommendation> forWorkload(String workloadId) {
        return rank(store.require(workloadId));
    }

    /** For a workload described in words and not stored: its tags, and the history of similar workloads. */
    public List<Recommendation> forDescription(String description) {
        return rank(
                new WorkloadProfile("w-described", "described", description, tagger.tags(description), Instant.now()));
    }

    private List<Recommendation> rank(WorkloadProfile workload) {
        Map<String, Weighted> measured = measured(workload);
        List<Recommendation> ranked = new ArrayList<>();
        for (SchedulerEntry entry : schedulers) {
            ranked.add(judge(workload, entry, measured));
        }
        if (measured.containsKey(BenchPlan.DEFAULT)) {
            ranked.add(judgeDefault(measured.get(BenchPlan.DEFAULT)));
        }
        ranked.sort(Comparator.comparing((Recommendation r) -> !r.available())
                .thenComparing(Comparator.comparingDouble(Recommendation::score).reversed())
                .thenComparing(Recommendation::scheduler));
        List<Recommendation> numbered = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            numbered.add(ranked.get(i).withRank(i + 1));
        }
        return numbered;
    }

    /** A scheduler's measured score over the workloads that measured it, and the words for it. */
    private record Weighted(double score, String words) {}

    private Map<String, Weighted> measured(WorkloadProfile workload) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, String> words = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> sources = new ArrayList<>();
        if (store.find(workload.id()).isPresent()) {
            sources.add(Map.entry(workload.id(), 1.0));
        }
        for (SimilarWorkload similar : store.similar(workload)) {
            sources.add(Map.entry(similar.workload().id(), SIMILAR_WEIGHT * similar.similarity()));
        }
        for (Map.Entry<String, Double> source : sources) {
            boolean own = source.getKey().equals(workload.id());
            MeasuredEvidence.of(store.history(source.getKey())).forEach((scheduler, finding) -> {
                double[] sum = sums.computeIfAbsent(scheduler, s -> new double[2]);
                sum[0] += source.getValue() * finding.score();
                sum[1] += source.getValue();
                words.putIfAbsent(scheduler, describe(scheduler, finding, own));
            });
        }
        Map<String, Weighted> measured = new LinkedHashMap<>();
        sums.forEach((scheduler, sum) -> measured.put(scheduler, new Weighted(sum[0] / sum[1], words.get(scheduler))));
        return measured;
    }

    private static String describe(String scheduler, MeasuredEvidence.Finding finding, boolean own) {
        String where = own ? "this workload" : "a similar workload";
        if (scheduler.equals(finding.baseline()) && finding.metric() != null) {
            return "the baseline of " + finding.runs() + " runs of " + where;
        }
        if (finding.metric() == null) {
            return finding.failures() > 0
                    ? "failed " + finding.failures() + " of " + finding.runs() + " runs of " + where
                            + (finding.lastFailure().isEmpty() ? "" : " (" + finding.lastFailure() + ")")
                    : finding.runs() + " runs of " + where + " with nothing to compare";
        }
        String versus = finding.baseline().equals(BenchPlan.DEFAULT) ? "the default scheduler" : finding.baseline();
        if (Math.abs(finding.advantage() - 1) < PAR) {
            return String.format(
                    Locale.ROOT,
                    "on a par with %s on %s over %d runs of %s%s",
                    versus,
                    finding.metric(),
                    finding.runs(),
                    where,
                    finding.failures() > 0 ? ", " + finding.failures() + " failed" : "");
        }
        return String.format(
                Locale.ROOT,
                "%.2fx %s than %s on %s over %d runs of %s%s",
                finding.advantage() >= 1 ? finding.advantage() : 1 / finding.advantage(),
                finding.advantage() >= 1 ? "better" : "worse",
                versus,
                finding.metric(),
                finding.runs(),
                where,
                finding.failures() > 0 ? ", " + finding.failures() + " failed" : "");
    }

    private Recommendation judge(WorkloadProfile workload, SchedulerEntry entry, Map<String, Weighted> measured) {
        SchedulerDescriptor d = entry.descriptor();
        Set<WorkloadTag> own = tagger.tags(texts(d));
        Set<WorkloadTag> matched = EnumSet.noneOf(WorkloadTag.class);
        matched.addAll(workload.tags());
        matched.retainAll(own);
        double tagScore = workload.tags().isEmpty()
                ? 0
                : (double) matched.size() / workload.tags().size();
        Optional<Weighted> evidence = Optional.ofNullable(measured.get(entry.reachableName()))
                .or(() -> Optional.ofNullable(measured.get(d.name())))
                .or(() -> Optional.ofNullable(measured.get(d.qualifiedName())));
        double score = tagScore
                + (d.productionReady() ? PRODUCTION_BONUS : 0)
                + evidence.map(e -> MEASURED_BONUS + MEASURED_WEIGHT * e.score())
                        .orElse(0.0);
        Optional<String> unavailable =
                entry.availability() instanceof Availability.Unavailable u ? Optional.of(u.reason()) : Optional.empty();
        List<String> parts = new ArrayList<>();
        evidence.ifPresent(e -> parts.add("measured: " + e.words()));
        parts.add(
                matched.isEmpty()
                        ? "its use cases match none of the workload's tags " + labels(workload.tags())
                        : "its use cases match " + labels(matched));
        if (d.productionReady()) {
            parts.add("production-ready");
        }
        unavailable.ifPresent(reason -> parts.add("cannot run here: " + reason));
        return new Recommendation(
                0,
                entry.reachableName(),
                unavailable.isEmpty(),
                unavailable,
                score,
                tagScore,
                evidence.map(Weighted::score),
                matched.stream().map(WorkloadTag::label).toList(),
                evidence.map(Weighted::words),
                String.join("; ", parts));
    }

    private static Recommendation judgeDefault(Weighted evidence) {
        return new Recommendation(
                0,
                BenchPlan.DEFAULT,
                true,
                Optional.empty(),
                MEASURED_BONUS + MEASURED_WEIGHT * evidence.score(),
                0,
                Optional.of(evidence.score()),
                List.of(),
                Optional.of(evidence.words()),
                "the kernel's own scheduler, with no sched_ext scheduler loaded; measured: " + evidence.words());
    }

    private static List<String> texts(SchedulerDescriptor d) {
        List<String> texts = new ArrayList<>(d.useCases());
        texts.add(d.description());
        texts.add(d.performanceProfile());
        return texts;
    }

    private static String labels(Set<WorkloadTag> tags) {
        return tags.isEmpty()
                ? "(it has none)"
                : tags.stream().map(WorkloadTag::label).toList().toString();
    }
}
