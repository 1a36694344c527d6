package io.rightsize.predictor.recommend;

import io.rightsize.common.messaging.Allocation;

/**
 * The allocation recommended for one task of an order, and what it was based on; {@code neededMemoryBytes} is the
 * size model's estimate for an input beyond the service's runs, before any bound (0: none).
 */
public record TaskAllocation(int position, String service, Allocation allocation, double expectedSeconds,
                             String basis, long neededMemoryBytes) {

    public TaskAllocation(int position, String service, Allocation allocation, double expectedSeconds, String basis) {
        this(position, service, allocation, expectedSeconds, basis, 0);
    }

    /** The same allocation for a task at another position of the order. */
    public TaskAllocation at(int otherPosition) {
        return new TaskAllocation(otherPosition, service, allocation, expectedSeconds, basis, neededMemoryBytes);
    }

    /** Another allocation, the basis extended by why. */
    public TaskAllocation with(Allocation other, String why, long needed) {
        return new TaskAllocation(position, service, other, expectedSeconds, why.isEmpty() ? basis : basis + "; "
                + why, needed);
    }
}
