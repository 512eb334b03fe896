package io.schedcp.core.workload;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A stored workload that shares tags with another one.
 *
 * @param workload   the stored workload
 * @param sharedTags the tags the two have in common, never empty
 * @param similarity shared tags over all the tags of the two (Jaccard), from above 0 to 1
 */
public record SimilarWorkload(WorkloadProfile workload, Set<WorkloadTag> sharedTags, double similarity) {

    public SimilarWorkload {
        Objects.requireNonNull(workload, "workload");
        if (sharedTags.isEmpty()) {
            throw new IllegalArgumentException("a similar workload shares at least one tag");
        }
        sharedTags = Collections.unmodifiableSet(EnumSet.copyOf(sharedTags));
    }
}
