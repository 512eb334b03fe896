package io.schedcp.core.workload;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;

/**
 * How a run of a scheduler under a workload ended: it did its job, or it failed for a reason. In JSON,
 * {@code {"status": "ok"}} or {@code {"status": "failed", "reason": "..."}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "status")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunOutcome.Ok.class, name = "ok"),
    @JsonSubTypes.Type(value = RunOutcome.Failed.class, name = "failed")
})
public sealed interface RunOutcome {

    static RunOutcome ok() {
        return new Ok();
    }

    static RunOutcome failed(String reason) {
        return new Failed(reason);
    }

    /** Whether the run did its job. */
    default boolean succeeded() {
        return this instanceof Ok;
    }

    /** The scheduler ran, and the workload with it, to the end. */
    record Ok() implements RunOutcome {}

    /** The run failed: the scheduler did not start, was ejected, or the workload failed under it. */
    record Failed(String reason) implements RunOutcome {

        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new SchedcpException(Kind.INVALID_INPUT, "a failed run needs a reason: say what went wrong");
            }
            reason = reason.strip();
        }
    }
}
