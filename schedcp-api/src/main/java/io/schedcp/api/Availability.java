package io.schedcp.api;

import java.util.Objects;
import java.util.Optional;

/** Whether a scheduler can start on this host now, and if not, why. */
public sealed interface Availability permits Availability.Available, Availability.Unavailable {

    static Availability available() {
        return Available.INSTANCE;
    }

    /** @param reason one sentence that says what is missing and, if the same for every front end, what to do */
    static Availability unavailable(String reason) {
        return new Unavailable(reason);
    }

    /**
     * @param reason what is missing, the fact alone
     * @param detail what it is about, from which each front end adds its own advice
     */
    static Availability unavailable(String reason, ErrorDetail detail) {
        return new Unavailable(reason, Optional.of(detail));
    }

    default boolean isAvailable() {
        return this instanceof Available;
    }

    /** It can start. */
    enum Available implements Availability {
        INSTANCE
    }

    /**
     * @param reason what is missing, and what to do about it when that holds for every front end
     * @param detail what it is about, when the remedy depends on the front end (see {@link ErrorDetail})
     */
    record Unavailable(String reason, Optional<ErrorDetail> detail) implements Availability {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        public Unavailable(String reason) {
            this(reason, Optional.empty());
        }

        /** The refusal of a start because of this, with the detail for the front end's advice. */
        public SchedcpException refusal(String message) {
            return detail.map(d -> new SchedcpException(SchedcpException.Kind.UNAVAILABLE, message, d))
                    .orElseGet(() -> new SchedcpException(SchedcpException.Kind.UNAVAILABLE, message));
        }
    }
}
