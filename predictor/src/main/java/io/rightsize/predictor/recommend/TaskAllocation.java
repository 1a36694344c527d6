package io.rightsize.predictor.recommend;

import io.rightsize.common.messaging.Allocation;

/** The allocation recommended for one task of an order, and what it was based on. */
public record TaskAllocation(int position, String service, Allocation allocation, double expectedSeconds,
                             String basis) {

    /** The same allocation for a task at another position of the order. */
    public TaskAllocation at(int otherPosition) {
        return new TaskAllocation(otherPosition, service, allocation, expectedSeconds, basis);
    }
}
