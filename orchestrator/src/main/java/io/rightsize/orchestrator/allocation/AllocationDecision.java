package io.rightsize.orchestrator.allocation;

import io.rightsize.common.messaging.Allocation;
import java.util.Optional;

/**
 * What a task is to be given, what its input's size says it needs (0: no estimate), and, when that is more than the
 * maximum, why it must not start at all.
 */
public record AllocationDecision(Allocation allocation, long neededMemoryBytes, Optional<String> refusal) {

    /** An allocation already decided (a task followed after a restart keeps the one it started with). */
    public static AllocationDecision of(Allocation allocation) {
        return new AllocationDecision(allocation, 0, Optional.empty());
    }
}
