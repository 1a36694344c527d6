package io.rightsize.cli.report;

import io.rightsize.api.v1.GetOrderRequest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.Stats;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskResourceStats;
import io.rightsize.api.v1.TaskUsageRequest;
import io.rightsize.client.RightsizeClient;
import io.rightsize.common.messaging.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds an order's report from the orchestrator's state and the monitor-consumer's stored samples. */
public final class OrderReports {

    private OrderReports() {
    }

    public static OrderReport collect(RightsizeClient client, String orderId) {
        Order order = client.orders().getOrder(GetOrderRequest.newBuilder().setId(orderId).build());
        List<TaskResourceStats> stats = client.usage().getTaskUsage(TaskUsageRequest.newBuilder()
                .setOrderId(orderId).build()).getStatsList();
        List<TaskReport> tasks = order.getTasksList().stream().map(task -> task(task, stats)).toList();
        return new OrderReport(order.getId(), order.getState().name().replace("ORDER_", ""), order.getImage(),
                emptyToNull(order.getReason()), tasks);
    }

    private static TaskReport task(Task task, List<TaskResourceStats> stats) {
        Map<String, ResourceUsage> usage = new LinkedHashMap<>();
        long samples = 0;
        for (TaskResourceStats s : stats) {
            if (s.getTaskId() != task.getId()) {
                continue;
            }
            Resource resource = Resource.valueOf(s.getResource().name());
            Stats v = s.getStats();
            usage.put(resource.wireName(), new ResourceUsage(v.getMin(), v.getAvg(), v.getMax(), v.getP95()));
            if (resource == Resource.CPU_MILLICORES) {
                samples = v.getCount();
            }
        }
        return new TaskReport(task.getId(), task.getPosition(), task.getService(),
                task.getState().name().replace("TASK_", ""), task.getDurationSeconds(), samples, usage,
                task.getCpuSeconds(), task.getPeakMemoryBytes(), emptyToNull(task.getOutputImage()),
                emptyToNull(task.getReason()), task.getAttempts(), task.getInputPixels(),
                task.getAllocation().getMemoryLimitBytes());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
