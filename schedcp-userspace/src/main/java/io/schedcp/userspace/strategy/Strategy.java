package io.schedcp.userspace.strategy;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What to do for the tasks a match finds, as Gthulhu's strategies say it: queue them ahead of the others, give them
 * a slice of their own, or both. The scheduler bounds a priority: a task that runs longer than the priority budget
 * without sleeping loses it until it sleeps, so a strategy cannot starve the machine.
 *
 * @param id the user's name for the strategy, unique in a {@link StrategyBook}
 * @param match the tasks it applies to
 * @param priority whether they run before every task without priority
 * @param sliceNs the slice they get, from {@link #MIN_SLICE_NS} to {@link #MAX_SLICE_NS}; empty for the policy's
 */
public record Strategy(String id, TaskMatch match, boolean priority, OptionalLong sliceNs) {

    public static final long MIN_SLICE_NS = 100_000;
    public static final long MAX_SLICE_NS = 1_000_000_000;
    public static final int MAX_ID_LENGTH = 64;

    public Strategy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(sliceNs, "sliceNs");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a strategy's id is 1 to " + MAX_ID_LENGTH
                    + " printable characters, not \"" + id.replaceAll("\\p{Cntrl}", "?") + "\"");
        }
        if (sliceNs.isPresent() && (sliceNs.getAsLong() < MIN_SLICE_NS || sliceNs.getAsLong() > MAX_SLICE_NS)) {
            throw new IllegalArgumentException("strategy " + id + " asks for a slice of " + sliceNs.getAsLong()
                    + " ns; give one from " + MIN_SLICE_NS / 1000 + " us to " + MAX_SLICE_NS / 1_000_000 + " ms");
        }
        if (!priority && sliceNs.isEmpty()) {
            throw new IllegalArgumentException(
                    "strategy " + id + " changes nothing for the tasks it matches; give it priority, a slice or both");
        }
    }
}
