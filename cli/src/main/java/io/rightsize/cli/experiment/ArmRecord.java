package io.rightsize.cli.experiment;

import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.common.messaging.TaskEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one arm's measured workload left: each order as it ended and when it was submitted, every task event (all
 * attempts), and each task's stored samples by task id.
 */
public record ArmRecord(String arm, List<Order> orders, Map<String, Instant> submittedAt, List<TaskEvent> events,
                        Map<Long, List<UsageSample>> samples) {
}
