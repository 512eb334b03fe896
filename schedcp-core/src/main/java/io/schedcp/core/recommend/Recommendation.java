package io.schedcp.core.recommend;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scheduler in a ranked recommendation.
 *
 * @param rank              1 for the best
 * @param scheduler         the name to run it by ({@code default} for the kernel's own scheduler)
 * @param available         whether it can start on this host now
 * @param unavailableReason why not, when it cannot
 * @param score             what it was ranked by: the tag match (plus 0.1 if production-ready), and when it was
 *                          measured 1.2 plus three times the measured score
 * @param tagScore          the share of the workload's tags that its use cases and description match (0 to 1)
 * @param measuredScore     from the history: log2 of how many times better than the baseline it did, -1 to 1,
 *                          when it was measured
 * @param matchedTags       the workload's tags it matches
 * @param measured          what the history says, in words, when it was measured
 * @param reason            why it ranks where it does, in one or two sentences
 */
public record Recommendation(
        int rank,
        String scheduler,
        boolean available,
        Optional<String> unavailableReason,
        double score,
        double tagScore,
        Optional<Double> measuredScore,
        List<String> matchedTags,
        Optional<String> measured,
        String reason) {

    public Recommendation {
        Objects.requireNonNull(scheduler, "scheduler");
        unavailableReason = Objects.requireNonNullElse(unavailableReason, Optional.empty());
        measuredScore = Objects.requireNonNullElse(measuredScore, Optional.empty());
        matchedTags = List.copyOf(matchedTags);
        measured = Objects.requireNonNullElse(measured, Optional.empty());
        Objects.requireNonNull(reason, "reason");
    }

    Recommendation withRank(int newRank) {
        return new Recommendation(
                newRank,
                scheduler,
                available,
                unavailableReason,
                score,
                tagScore,
                measuredScore,
                matchedTags,
                measured,
                reason);
    }
}
