package io.schedcp.userspace.loop;

/**
 * What a {@link DecisionLoop} has done since it started, as one consistent snapshot.
 *
 * @param tasksRead task records read from the queued ring
 * @param dispatched dispatch records written to the dispatched ring, from {@code decide} and {@code next}
 * @param kept tasks the policy kept ({@code decide} returned false)
 * @param ringFull times a dispatch found the dispatched ring full and waited for the next round
 * @param malformed records too short to be a task, skipped
 */
public record LoopStats(long tasksRead, long dispatched, long kept, long ringFull, long malformed) {}
