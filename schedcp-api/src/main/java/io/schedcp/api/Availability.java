package io.schedcp.api;

import java.util.Objects;

/** Whether a scheduler can start on this host now, and if not, why. */
public sealed interface Availability permits Availability.Available, Availability.Unavailable {

    static Availability available() {
        return Available.INSTANCE;
    }

    /** @param reason one sentence that says what is missing and what to do about it */
    static Availability unavailable(String reason) {
        return new Unavailable(reason);
    }

    default boolean isAvailable() {
        return this instanceof Available;
    }

    /** It can start. */
    enum Available implements Availability {
        INSTANCE
    }

    /** @param reason what is missing and what to do about it */
    record Unavailable(String reason) implements Availability {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
