package io.schedcp.userspace.loop;

/**
 * How a {@link DecisionLoop} runs.
 *
 * @param batch the most task records read before the policy's kept tasks are asked for and the consumer
 *     position is published
 * @param idleTimeoutMillis how long to wait for tasks when there are none (a wake-up usually ends it sooner)
 * @param retryMillis how long to wait before retrying a dispatch that found the ring full
 */
public record LoopSettings(int batch, int idleTimeoutMillis, int retryMillis) {

    public LoopSettings {
        if (batch < 1) {
            throw new IllegalArgumentException("The loop reads at least 1 task a round, not " + batch + ".");
        }
        if (idleTimeoutMillis < 0 || retryMillis < 0) {
            throw new IllegalArgumentException(
                    "The loop's waits are at least 0 ms, not " + idleTimeoutMillis + " and " + retryMillis + ".");
        }
    }

    /** 64 tasks a round, 100 ms idle waits, 1 ms retries. */
    public static LoopSettings defaults() {
        return new LoopSettings(64, 100, 1);
    }
}
