package io.rightsize.predictor.recommend;

import io.rightsize.common.messaging.Allocation;

/** The allocation recommended for one task of an order, and what it was based on. */
public record TaskAllocation(int position, String service, Allocation allocation, double expectedSeconds,
                             String basis) {
}
