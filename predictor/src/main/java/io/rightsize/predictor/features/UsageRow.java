package io.rightsize.predictor.features;

import io.rightsize.common.messaging.Resource;
import java.util.Map;
import java.util.Set;

/**
 * One stored sample as training sees it: its order's context, the service, the size of the task's input in pixels
 * (0 when unknown), the task's numeric parameters (defaults filled in, as stored), the resource and the elapsed
 * second.
 */
public record UsageRow(String orderId, long orderSubmittedMillis, Set<String> orderServices, String service,
                       long inputPixels, Map<String, Double> params, Resource resource, double elapsedSeconds,
                       double value) {
    public UsageRow {
        orderServices = Set.copyOf(orderServices);
        params = Map.copyOf(params);
    }
}
