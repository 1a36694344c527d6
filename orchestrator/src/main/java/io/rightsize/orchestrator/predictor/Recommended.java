package io.rightsize.orchestrator.predictor;

import io.rightsize.common.messaging.Allocation;

/**
 * The predictor's allocation for one task, and what the size of its input says it needs before any bound (0: no
 * estimate), so a task that needs more than the maximum is refused rather than killed.
 */
public record Recommended(Allocation allocation, long neededMemoryBytes) {
}
