package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.UsageRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task's samples of one allocated resource, in first-seen order. A task is known here by its order, service,
 * input size and parameters.
 */
record TaskRun(String key, Set<String> orderServices, String service, long inputPixels, Map<String, Double> params,
               Resource resource, double actualPeak) {

    /** The resources a task is given limits for, and so the ones calibrated as runs and backtested. */
    static final List<Resource> ALLOCATED = List.of(Resource.CPU_MILLICORES, Resource.MEMORY_BYTES);

    static String key(UsageRow row) {
        // Parameters by their hash: equal maps hash alike, and two tasks of one order, service and input size
        // whose different parameters collide are not worth a string per sample.
        return row.orderId() + "|" + row.service() + "|" + row.inputPixels() + "|" + row.params().hashCode() + "|"
                + row.resource();
    }

    static List<TaskRun> of(List<UsageRow> rows) {
        Map<String, TaskRun> runs = new LinkedHashMap<>();
        for (UsageRow row : rows) {
            if (ALLOCATED.contains(row.resource())) {
                String key = key(row);
                runs.merge(key, new TaskRun(key, row.orderServices(), row.service(), row.inputPixels(),
                        row.params(), row.resource(), row.value()),
                        (a, b) -> a.actualPeak() >= b.actualPeak() ? a : b);
            }
        }
        return List.copyOf(runs.values());
    }
}
