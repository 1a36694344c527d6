package io.rightsize.orchestrator.execution;

import io.rightsize.orchestrator.domain.OrderRecord;

/** A change to an order as watchers see it: the whole order after it, and the task that changed (or -1). */
public record OrderChange(OrderRecord order, int taskPosition, String message) {
}
